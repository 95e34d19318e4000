package org.orchestratoree.analysis;

import java.util.List;
import org.orchestratoree.topology.InstanceKey;

/**
 * The analysis of one instance: orchestrator's ReplicationAnalysis fields (same meanings, Java names) plus
 * whether a recovery would act on it and a plain-words reason naming the replicas that support the finding.
 *
 * @param analyzedInstanceMasterKey null for a master
 * @param countReplicas direct replicas claiming this instance as their master
 * @param countValidReplicas of those, the ones whose last probe succeeded
 * @param countValidReplicatingReplicas valid replicas with both IO and SQL threads running
 * @param countReplicasFailingToConnectToMaster valid replicas whose IO thread is down with a connection error
 * @param countDowntimedReplicas replicas under an active downtime
 * @param countLaggingReplicas replicas further behind than ReasonableReplicationLagSeconds
 * @param countDelayedReplicas replicas with a deliberate SQL delay
 * @param countSemiSyncReplicasEnabled replicas with semi-sync enabled on the replica side
 * @param isFailingToConnectToMaster this instance itself cannot connect to its own master
 * @param skippableDueToDowntime the instance is downtimed, or the finding is only about replicas that all are
 */
public record ReplicationAnalysis(
        InstanceKey analyzedInstanceKey,
        InstanceKey analyzedInstanceMasterKey,
        String clusterName,
        String clusterAlias,
        AnalysisCode analysis,
        List<StructureWarning> structureWarnings,
        boolean isMaster,
        boolean isCoMaster,
        boolean lastCheckValid,
        boolean isDowntimed,
        boolean isBinlogServer,
        boolean isFailingToConnectToMaster,
        int replicationDepth,
        int countReplicas,
        int countValidReplicas,
        int countValidReplicatingReplicas,
        int countReplicasFailingToConnectToMaster,
        int countDowntimedReplicas,
        int countLaggingReplicas,
        int countDelayedReplicas,
        int countSemiSyncReplicasEnabled,
        List<InstanceKey> replicas,
        boolean skippableDueToDowntime,
        boolean actionable,
        String reason) {

    public ReplicationAnalysis {
        structureWarnings = List.copyOf(structureWarnings);
        replicas = List.copyOf(replicas);
    }

    static ReplicationAnalysis of(InstanceFacts f, Verdict verdict, List<StructureWarning> warnings,
                                  ClusterView cluster, boolean skippable) {
        ReplicaGroup r = f.replicas();
        return new ReplicationAnalysis(f.key(), f.masterKey(), cluster.clusterName(), cluster.clusterAlias(),
                verdict.code(), warnings, f.isMaster(), f.isCoMaster(), f.lastCheckValid(), f.isDowntimed(),
                f.isBinlogServer(), f.failingToConnectToMaster(), f.replicationDepth(), r.count(), r.countValid(),
                r.countReplicating(), r.countFailingToConnect(), r.downtimed().size(), r.lagging().size(),
                r.delayed().size(), r.semiSyncEnabled().size(), r.keys(), skippable, verdict.code().actionable(),
                verdict.reason());
    }

    /** Orchestrator's AnalysisString: the code (unless NoProblem) and the structure warnings, comma separated. */
    public String analysisString() {
        StringBuilder text = new StringBuilder(analysis == AnalysisCode.NoProblem ? "" : analysis.name());
        for (StructureWarning warning : structureWarnings) {
            text.append(text.isEmpty() ? "" : ", ").append(warning.name());
        }
        return text.toString();
    }

    /** This analysis under another code: an operator's forced recovery treats a live master as dead. */
    public ReplicationAnalysis withAnalysis(AnalysisCode code) {
        return new ReplicationAnalysis(analyzedInstanceKey, analyzedInstanceMasterKey, clusterName, clusterAlias, code,
                structureWarnings, isMaster, isCoMaster, lastCheckValid, isDowntimed, isBinlogServer,
                isFailingToConnectToMaster, replicationDepth, countReplicas, countValidReplicas,
                countValidReplicatingReplicas, countReplicasFailingToConnectToMaster, countDowntimedReplicas,
                countLaggingReplicas, countDelayedReplicas, countSemiSyncReplicasEnabled, replicas,
                skippableDueToDowntime, code.actionable(), reason);
    }
}
