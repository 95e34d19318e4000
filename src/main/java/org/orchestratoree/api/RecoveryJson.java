package org.orchestratoree.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.orchestratoree.config.RecoverySettings;
import org.orchestratoree.recovery.RecoveryFilters;
import org.orchestratoree.topology.BlockedRecovery;
import org.orchestratoree.topology.FailureDetection;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.RecoveryStep;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * Recoveries, failure detections, recovery steps and blocked recoveries in orchestrator's JSON shapes. A
 * failure detection is rendered as orchestrator renders it: a TopologyRecovery whose Id is the detection id.
 */
final class RecoveryJson {

    private RecoveryJson() {
    }

    static JsonObject recovery(TopologyRecovery r, RecoverySettings settings) {
        TopologyRecovery.Acknowledgement ack = r.acknowledgement();
        return base(r.id(), r.uid(), analysis(r.failedKey(), r.clusterName(), r.clusterAlias(), r.analysis(),
                        r.failureDescription(), r.replicas().size(), r.replicas(), "", false, settings))
                .add("SuccessorKey", InstanceJson.key(r.successor()))
                .add("SuccessorAlias", r.successorAlias())
                .add("IsActive", r.active())
                .add("IsSuccessful", r.successful())
                .add("LostReplicas", InstanceJson.keys(r.lostReplicas()))
                .add("ParticipatingInstanceKeys", InstanceJson.keys(r.participatingInstances()))
                .add("AllErrors", strings(r.allErrors()))
                .add("RecoveryStartTimestamp", time(r.startActivePeriod()))
                .add("RecoveryEndTimestamp", time(r.endRecovery()))
                .add("ProcessingNodeHostname", r.processingNodeHostname())
                .add("ProcessingNodeToken", "")
                .add("Acknowledged", ack != null)
                .add("AcknowledgedAt", ack == null ? "" : time(ack.at()))
                .add("AcknowledgedBy", ack == null ? "" : ack.owner())
                .add("AcknowledgedComment", ack == null ? "" : ack.comment())
                .add("LastDetectionId", r.lastDetectionId())
                .add("RelatedRecoveryId", 0)
                .add("Type", "")
                .add("RecoveryType", "NotMasterRecovery")
                .build();
    }

    static JsonObject detection(FailureDetection d, RecoverySettings settings) {
        return base(d.id(), "", analysis(d.key(), d.clusterName(), d.clusterAlias(), d.analysis(), "",
                        d.countAffectedReplicas(), List.of(), time(d.startActivePeriod()), d.actionable(), settings))
                .add("SuccessorKey", InstanceJson.key(null))
                .add("SuccessorAlias", "")
                .add("IsActive", d.active())
                .add("IsSuccessful", false)
                .add("LostReplicas", Json.createArrayBuilder())
                .add("ParticipatingInstanceKeys", Json.createArrayBuilder())
                .add("AllErrors", Json.createArrayBuilder())
                .add("RecoveryStartTimestamp", time(d.startActivePeriod()))
                .add("RecoveryEndTimestamp", "")
                .add("ProcessingNodeHostname", d.processingNodeHostname())
                .add("ProcessingNodeToken", "")
                .add("Acknowledged", false)
                .add("AcknowledgedAt", "")
                .add("AcknowledgedBy", "")
                .add("AcknowledgedComment", "")
                .add("LastDetectionId", 0)
                .add("RelatedRecoveryId", d.relatedRecoveryId())
                .add("Type", "")
                .add("RecoveryType", "")
                .build();
    }

    static JsonObject step(RecoveryStep s) {
        return Json.createObjectBuilder().add("Id", s.id()).add("RecoveryUID", s.recoveryUid())
                .add("AuditAt", time(s.auditAt())).add("Message", s.message()).build();
    }

    static JsonObject blocked(BlockedRecovery b) {
        return Json.createObjectBuilder().add("FailedInstanceKey", InstanceJson.key(b.key()))
                .add("ClusterName", b.clusterName()).add("Analysis", b.analysis())
                .add("LastBlockedTimestamp", time(b.lastBlocked())).add("BlockingRecoveryId", b.blockingRecoveryId())
                .build();
    }

    private static JsonObjectBuilder base(long id, String uid, JsonObject analysisEntry) {
        return Json.createObjectBuilder().add("Id", id).add("UID", uid).add("AnalysisEntry", analysisEntry);
    }

    /** The part of orchestrator's ReplicationAnalysis that a recovery or detection row keeps. */
    private static JsonObject analysis(InstanceKey key, String clusterName, String clusterAlias, String code,
                                       String description, int countReplicas, List<InstanceKey> replicas,
                                       String startActivePeriod, boolean actionable, RecoverySettings settings) {
        JsonObject cluster = Json.createObjectBuilder()
                .add("ClusterName", clusterName)
                .add("ClusterAlias", clusterAlias)
                .add("ClusterDomain", "")
                .add("CountInstances", 0)
                .add("HeuristicLag", 0)
                .add("HasAutomatedMasterRecovery",
                        RecoveryFilters.covers(settings.recoverMasterClusterFilters(), clusterName, clusterAlias))
                .add("HasAutomatedIntermediateMasterRecovery", RecoveryFilters.covers(
                        settings.recoverIntermediateMasterClusterFilters(), clusterName, clusterAlias))
                .build();
        return Json.createObjectBuilder()
                .add("AnalyzedInstanceKey", InstanceJson.key(key))
                .add("AnalyzedInstanceMasterKey", InstanceJson.key(null))
                .add("ClusterDetails", cluster)
                .add("CountReplicas", countReplicas)
                .add("Replicas", InstanceJson.keys(replicas))
                .add("Analysis", code)
                .add("Description", description)
                .add("StructureAnalysis", Json.createArrayBuilder())
                .add("IsDowntimed", false)
                .add("StartActivePeriod", startActivePeriod)
                .add("IsActionableRecovery", actionable)
                .build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static String time(Instant t) {
        return t == null ? "" : InstanceJson.TIMESTAMP.format(t);
    }
}
