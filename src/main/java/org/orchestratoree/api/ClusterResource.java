package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.RecoverySettings;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.discovery.ForgetClusterCommand;
import org.orchestratoree.discovery.SetClusterAliasCommand;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.recovery.RecoveryFilters;
import org.orchestratoree.persistence.ClusterAliasRepository;
import org.orchestratoree.topology.ClusterInfo;
import org.orchestratoree.topology.Instance;

/** Cluster reads, topology listings and forget-cluster, with orchestrator's paths and hint rules. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    ClusterDirectory clusters;
    @Inject
    InstanceViews views;
    @Inject
    Leadership leadership;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    ClusterAliasRepository aliases;

    @GET
    @Path("clusters")
    public JsonValue clusters() {
        List<ClusterInfo> infos = clusters.clustersInfo();
        if (infos.isEmpty()) {
            return JsonValue.NULL; // orchestrator answers null, not [], when it knows no cluster
        }
        JsonArrayBuilder names = Json.createArrayBuilder();
        infos.forEach(c -> names.add(c.clusterName()));
        return names.build();
    }

    @GET
    @Path("clusters-info")
    public JsonArray clustersInfo() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        RecoverySettings settings = configuration.get().recovery();
        clusters.clustersInfo().forEach(c -> array.add(info(c, settings)));
        return array.build();
    }

    @GET
    @Path("cluster-info/{clusterHint}")
    public JsonObject clusterInfo(@PathParam("clusterHint") String hint) {
        return info(clusters.clusterInfo(clusters.resolve(hint)), configuration.get().recovery());
    }

    @GET
    @Path("cluster-info/alias/{alias}")
    public JsonObject clusterInfoByAlias(@PathParam("alias") String alias) {
        return info(clusters.clusterInfo(clusters.resolveAlias(alias)), configuration.get().recovery());
    }

    @GET
    @Path("cluster/{clusterHint}")
    public JsonArray cluster(@PathParam("clusterHint") String hint) {
        return views.json(clusters.members(clusters.resolve(hint)));
    }

    @GET
    @Path("cluster/alias/{alias}")
    public JsonArray clusterByAlias(@PathParam("alias") String alias) {
        return views.json(clusters.members(clusters.resolveAlias(alias)));
    }

    @GET
    @Path("cluster/instance/{host}/{port}")
    public JsonArray clusterByInstance(@PathParam("host") String host, @PathParam("port") String port) {
        return views.json(clusters.members(clusters.resolve(InstanceViews.key(host, port).toString())));
    }

    @GET
    @Path("masters")
    public JsonValue masters() {
        List<Instance> masters = clusters.writableMasters();
        return masters.isEmpty() ? JsonValue.NULL : views.json(masters);
    }

    @GET
    @Path("master/{clusterHint}")
    public JsonObject master(@PathParam("clusterHint") String hint) {
        String cluster = clusters.resolve(hint);
        return views.json(clusters.master(cluster)
                .orElseThrow(() -> new ApiException("No masters found for " + cluster)));
    }

    @GET
    @Path("forget-cluster/{clusterHint}")
    public Response forgetCluster(@PathParam("clusterHint") String hint) {
        String cluster = clusters.resolve(hint);
        leadership.publish(new ForgetClusterCommand(cluster));
        return Envelope.ok("Cluster forgotten: " + cluster);
    }

    /** An operator's alias for a cluster named exactly (orchestrator's manual override). */
    @GET
    @Path("set-cluster-alias/{clusterName}")
    public Response setClusterAlias(@PathParam("clusterName") String clusterName, @QueryParam("alias") String alias) {
        if (alias == null || alias.isBlank()) {
            throw new ApiException("set-cluster-alias needs the alias as ?alias=");
        }
        List<ClusterInfo> infos = clusters.clustersInfo();
        if (infos.stream().noneMatch(c -> c.clusterName().equals(clusterName))) {
            throw new ApiException("Unknown cluster name: " + clusterName + " (set-cluster-alias takes the exact"
                    + " cluster name, see /api/clusters)");
        }
        infos.stream().filter(c -> c.clusterAlias().equals(alias) && !c.clusterName().equals(clusterName))
                .filter(c -> alias.equals(aliases.overrides().get(c.clusterName()))).findFirst().ifPresent(c -> {
                    throw new ApiException("Alias '" + alias + "' is already set on cluster " + c.clusterName());
                });
        leadership.publish(new SetClusterAliasCommand(clusterName, alias));
        return Envelope.ok("Cluster " + clusterName + " now has alias '" + alias + "'");
    }

    /** Aliases are computed on every read, from the stored ones and the current configuration: nothing is cached. */
    @GET
    @Path("reload-cluster-alias")
    public Response reloadClusterAlias() {
        return Envelope.ok("Cluster alias cache reloaded");
    }

    @GET
    @Path("topology/{clusterHint}")
    public Response topology(@PathParam("clusterHint") String hint) {
        String cluster = clusters.resolve(hint);
        return Envelope.ok("Topology for cluster " + cluster,
                Json.createValue(clusters.listing().plain(clusters.members(cluster))));
    }

    @GET
    @Path("topology/{host}/{port}")
    public Response topologyByInstance(@PathParam("host") String host, @PathParam("port") String port) {
        return topology(InstanceViews.key(host, port).toString());
    }

    @GET
    @Path("topology-tabulated/{clusterHint}")
    public Response topologyTabulated(@PathParam("clusterHint") String hint) {
        String cluster = clusters.resolve(hint);
        return Envelope.ok("Topology for cluster " + cluster,
                Json.createValue(clusters.listing().tabulated(clusters.members(cluster))));
    }

    @GET
    @Path("topology-tabulated/{host}/{port}")
    public Response topologyTabulatedByInstance(@PathParam("host") String host, @PathParam("port") String port) {
        return topologyTabulated(InstanceViews.key(host, port).toString());
    }

    static JsonObject info(ClusterInfo c, RecoverySettings settings) {
        return Json.createObjectBuilder()
                .add("ClusterName", c.clusterName())
                .add("ClusterAlias", c.clusterAlias())
                .add("ClusterDomain", c.clusterDomain())
                .add("CountInstances", c.countInstances())
                .add("HeuristicLag", 0)
                .add("HasAutomatedMasterRecovery", RecoveryFilters.covers(settings.recoverMasterClusterFilters(),
                        c.clusterName(), c.clusterAlias()))
                .add("HasAutomatedIntermediateMasterRecovery", RecoveryFilters.covers(
                        settings.recoverIntermediateMasterClusterFilters(), c.clusterName(), c.clusterAlias()))
                .build();
    }
}
