package org.orchestratoree.analysis;

/**
 * What is wrong around one instance, named exactly as orchestrator names it so that API consumers, hooks and
 * operators' muscle memory keep working.
 */
public enum AnalysisCode {
    NoProblem,
    DeadMasterWithoutReplicas,
    DeadMaster,
    DeadMasterAndReplicas,
    DeadMasterAndSomeReplicas,
    UnreachableMasterWithLaggingReplicas,
    UnreachableMaster,
    MasterSingleReplicaNotReplicating,
    MasterSingleReplicaDead,
    AllMasterReplicasNotReplicating,
    AllMasterReplicasNotReplicatingOrDead,
    LockedSemiSyncMasterHypothesis,
    LockedSemiSyncMaster,
    MasterWithTooManySemiSyncReplicas,
    MasterWithoutReplicas,
    /** A reachable master with replicating replicas is read_only; reported only when RecoverNonWriteableMaster. */
    NoWriteableMaster,
    DeadCoMaster,
    DeadCoMasterAndSomeReplicas,
    UnreachableCoMaster,
    AllCoMasterReplicasNotReplicating,
    DeadIntermediateMaster,
    DeadIntermediateMasterWithSingleReplica,
    DeadIntermediateMasterWithSingleReplicaFailingToConnect,
    DeadIntermediateMasterAndSomeReplicas,
    DeadIntermediateMasterAndReplicas,
    UnreachableIntermediateMasterWithLaggingReplicas,
    UnreachableIntermediateMaster,
    AllIntermediateMasterReplicasFailingToConnectOrDead,
    AllIntermediateMasterReplicasNotReplicating,
    FirstTierReplicaFailingToConnectToMaster,
    BinlogServerFailingToConnectToMaster;

    /**
     * Whether a recovery would act on this finding. Dead* codes are confirmed failures. A locked semi-sync
     * master is actionable only once its binlog coordinates have stood still long enough; the hypothesis is a
     * single sample and acting on it would defeat the point of waiting. Unreachable* and the "replicas not
     * replicating" codes describe a topology that still works or cannot be fixed by promoting anyone. A
     * NoWriteableMaster is only ever reported when the operator asked for it to be fixed, and
     * MasterWithTooManySemiSyncReplicas only under EnforceExactSemiSyncReplicas, which asks for it to be corrected.
     */
    public boolean actionable() {
        return name().startsWith("Dead") || this == LockedSemiSyncMaster || this == NoWriteableMaster
                || this == MasterWithTooManySemiSyncReplicas;
    }
}
