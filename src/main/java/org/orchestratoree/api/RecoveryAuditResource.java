package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.discovery.UnknownClusterException;
import org.orchestratoree.persistence.BlockedRecoveryRepository;
import org.orchestratoree.persistence.FailureDetectionRepository;
import org.orchestratoree.persistence.RecoveryRepository;
import org.orchestratoree.topology.FailureDetection;
import org.orchestratoree.topology.TopologyRecovery;

/** Reads of recoveries, their steps, failure detections and blocked recoveries, 20 a page, newest first. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryAuditResource {

    /** Orchestrator's window for "recently active": recoveries that ended in the last five minutes. */
    static final Duration RECENTLY = Duration.ofMinutes(5);

    @Inject
    RecoveryRepository recoveries;
    @Inject
    FailureDetectionRepository detections;
    @Inject
    BlockedRecoveryRepository blocked;
    @Inject
    ClusterDirectory clusters;
    @Inject
    CurrentConfiguration configuration;

    @GET
    @Path("audit-recovery")
    public JsonArray auditRecovery(@QueryParam("unacknowledged") String unacknowledged) {
        return auditRecovery("0", unacknowledged);
    }

    @GET
    @Path("audit-recovery/{page}")
    public JsonArray auditRecovery(@PathParam("page") String page, @QueryParam("unacknowledged") String unacked) {
        return recoveries(recoveries.page(page(page), AuditResource.PAGE_SIZE, null, null, "true".equals(unacked)));
    }

    @GET
    @Path("audit-recovery/id/{id}")
    public JsonArray auditRecoveryById(@PathParam("id") String id) {
        return recoveries(optional(parseId(id).flatMap(recoveries::byId)));
    }

    @GET
    @Path("audit-recovery/uid/{uid}")
    public JsonArray auditRecoveryByUid(@PathParam("uid") String uid) {
        return recoveries(optional(recoveries.byUid(uid)));
    }

    @GET
    @Path("audit-recovery/cluster/{clusterHint}")
    public JsonArray auditRecoveryByCluster(@PathParam("clusterHint") String hint,
                                            @QueryParam("unacknowledged") String unacked) {
        return auditRecoveryByCluster(hint, "0", unacked);
    }

    @GET
    @Path("audit-recovery/cluster/{clusterHint}/{page}")
    public JsonArray auditRecoveryByCluster(@PathParam("clusterHint") String hint, @PathParam("page") String page,
                                            @QueryParam("unacknowledged") String unacked) {
        return recoveries(recoveries.page(page(page), AuditResource.PAGE_SIZE, clusterName(hint), null,
                "true".equals(unacked)));
    }

    @GET
    @Path("audit-recovery/alias/{alias}")
    public JsonArray auditRecoveryByAlias(@PathParam("alias") String alias) {
        return recoveries(recoveries.page(0, AuditResource.PAGE_SIZE, null, alias, false));
    }

    @GET
    @Path("audit-recovery-steps/{uid}")
    public JsonArray auditRecoverySteps(@PathParam("uid") String uid) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        recoveries.steps(uid).forEach(s -> array.add(RecoveryJson.step(s)));
        return array.build();
    }

    @GET
    @Path("active-cluster-recovery/{clusterHint}")
    public JsonArray activeClusterRecovery(@PathParam("clusterHint") String hint) {
        return recoveries(recoveries.running(clusterName(hint)));
    }

    @GET
    @Path("recently-active-cluster-recovery/{clusterHint}")
    public JsonArray recentlyActiveClusterRecovery(@PathParam("clusterHint") String hint) {
        return recoveries(recoveries.endedSince(clusterName(hint), Instant.now().minus(RECENTLY)));
    }

    @GET
    @Path("audit-failure-detection")
    public JsonArray auditFailureDetection() {
        return detections(detections.page(0, AuditResource.PAGE_SIZE, null));
    }

    @GET
    @Path("audit-failure-detection/{page}")
    public JsonArray auditFailureDetection(@PathParam("page") String page) {
        return detections(detections.page(page(page), AuditResource.PAGE_SIZE, null));
    }

    @GET
    @Path("audit-failure-detection/id/{id}")
    public JsonArray auditFailureDetectionById(@PathParam("id") String id) {
        return detections(optional(parseId(id).flatMap(detections::byId)));
    }

    @GET
    @Path("audit-failure-detection/alias/{alias}")
    public JsonArray auditFailureDetectionByAlias(@PathParam("alias") String alias) {
        return detections(detections.page(0, AuditResource.PAGE_SIZE, alias));
    }

    @GET
    @Path("blocked-recoveries")
    public JsonArray blockedRecoveries() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        blocked.list(null).forEach(b -> array.add(RecoveryJson.blocked(b)));
        return array.build();
    }

    @GET
    @Path("blocked-recoveries/cluster/{clusterHint}")
    public JsonArray blockedRecoveries(@PathParam("clusterHint") String hint) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        blocked.list(clusterName(hint)).forEach(b -> array.add(RecoveryJson.blocked(b)));
        return array.build();
    }

    /**
     * A hint naming a known cluster resolves as usual; otherwise it is taken as a cluster name, because
     * recoveries outlive their cluster's name (a failover renames the cluster).
     */
    private String clusterName(String hint) {
        try {
            return clusters.resolve(hint);
        } catch (UnknownClusterException e) {
            return hint;
        }
    }

    private JsonArray recoveries(List<TopologyRecovery> list) {
        var settings = configuration.get().recovery();
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(r -> array.add(RecoveryJson.recovery(r, settings)));
        return array.build();
    }

    private JsonArray detections(List<FailureDetection> list) {
        var settings = configuration.get().recovery();
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(d -> array.add(RecoveryJson.detection(d, settings)));
        return array.build();
    }

    private static <T> List<T> optional(Optional<T> value) {
        return value.map(List::of).orElse(List.of());
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A page that is not a number, or negative, reads as the first page, as orchestrator does. */
    private static int page(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
