package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.orchestratoree.analysis.ReplicationAnalysis;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.RecoverySettings;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.ha.NodeIdentity;
import org.orchestratoree.recovery.ClusterAnalysisService;
import org.orchestratoree.recovery.RecoveryFilters;

/**
 * Orchestrator's replication-analysis reads, in its {@code ReplicationAnalysis} shape, with one addition:
 * {@code Reason}, the plain-words explanation of why each finding is (or is not) actionable.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    @Inject
    ClusterAnalysisService analysis;
    @Inject
    ClusterDirectory clusters;
    @Inject
    CurrentConfiguration configuration;

    @GET
    @Path("replication-analysis")
    public Response all(@QueryParam("all") String all) {
        return envelope(analysis.analyzeAll(all != null));
    }

    @GET
    @Path("replication-analysis/{clusterHint}")
    public Response cluster(@PathParam("clusterHint") String hint, @QueryParam("all") String all) {
        return envelope(analysis.analyzeCluster(clusters.resolve(hint), all != null));
    }

    @GET
    @Path("replication-analysis/instance/{host}/{port}")
    public Response instance(@PathParam("host") String host, @PathParam("port") String port,
                             @QueryParam("all") String all) {
        return envelope(analysis.analyzeInstance(InstanceViews.key(host, port), all != null));
    }

    private Response envelope(List<ReplicationAnalysis> analyses) {
        JsonArrayBuilder details = Json.createArrayBuilder();
        RecoverySettings settings = configuration.get().recovery();
        analyses.forEach(a -> details.add(json(a, settings)));
        return Envelope.ok("Analysis", details.build());
    }

    static JsonObject json(ReplicationAnalysis a, RecoverySettings settings) {
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        a.structureWarnings().forEach(w -> warnings.add(w.toString()));
        return Json.createObjectBuilder()
                .add("AnalyzedInstanceKey", InstanceJson.key(a.analyzedInstanceKey()))
                .add("AnalyzedInstanceMasterKey", InstanceJson.key(a.analyzedInstanceMasterKey()))
                .add("ClusterDetails", Json.createObjectBuilder()
                        .add("ClusterName", a.clusterName())
                        .add("ClusterAlias", a.clusterAlias())
                        .add("ClusterDomain", "")
                        .add("CountInstances", 0)
                        .add("HeuristicLag", 0)
                        .add("HasAutomatedMasterRecovery", RecoveryFilters.covers(
                                settings.recoverMasterClusterFilters(), a.clusterName(), a.clusterAlias()))
                        .add("HasAutomatedIntermediateMasterRecovery", RecoveryFilters.covers(
                                settings.recoverIntermediateMasterClusterFilters(), a.clusterName(), a.clusterAlias())))
                .add("IsMaster", a.isMaster())
                .add("IsCoMaster", a.isCoMaster())
                .add("LastCheckValid", a.lastCheckValid())
                .add("LastCheckPartialSuccess", false)
                .add("CountReplicas", a.countReplicas())
                .add("CountValidReplicas", a.countValidReplicas())
                .add("CountValidReplicatingReplicas", a.countValidReplicatingReplicas())
                .add("CountReplicasFailingToConnectToMaster", a.countReplicasFailingToConnectToMaster())
                .add("CountDowntimedReplicas", a.countDowntimedReplicas())
                .add("ReplicationDepth", a.replicationDepth())
                .add("Replicas", InstanceJson.keys(a.replicas()))
                .add("SlaveHosts", InstanceJson.keys(a.replicas()))
                .add("IsFailingToConnectToMaster", a.isFailingToConnectToMaster())
                .add("Analysis", a.analysis().toString())
                .add("Description", "")
                .add("StructureAnalysis", warnings)
                .add("IsDowntimed", a.isDowntimed())
                .add("IsReplicasDowntimed", a.countReplicas() > 0 && a.countDowntimedReplicas() == a.countReplicas())
                .add("IsBinlogServer", a.isBinlogServer())
                .add("CountSemiSyncReplicasEnabled", a.countSemiSyncReplicasEnabled())
                .add("CountLaggingReplicas", a.countLaggingReplicas())
                .add("CountDelayedReplicas", a.countDelayedReplicas())
                .add("IsActionableRecovery", a.actionable())
                .add("ProcessingNodeHostname", NodeIdentity.hostname())
                .add("SkippableDueToDowntime", a.skippableDueToDowntime())
                .add("Reason", a.reason())
                .build();
    }
}
