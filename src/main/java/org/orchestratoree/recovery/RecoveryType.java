package org.orchestratoree.recovery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.orchestratoree.analysis.AnalysisCode;
import org.orchestratoree.config.FailoverConfiguration;
import org.orchestratoree.config.RecoverySettings;

/**
 * The kinds of failure recovered automatically, as orchestrator sorts them: each has its analysis codes, its
 * cluster filters, its audit type and its own post-failover hooks.
 */
enum RecoveryType {

    /** A dead master is replaced by a promoted replica. */
    MASTER("recover-dead-master", Set.of(AnalysisCode.DeadMaster, AnalysisCode.DeadMasterAndSomeReplicas)),

    /**
     * A dead co-master is replaced by one of its replicas: the other co-master when
     * CoMasterRecoveryMustPromoteOtherCoMaster is set or the other co-master is writable. Covered by the master
     * filters and hooks, as in orchestrator.
     */
    CO_MASTER("recover-dead-co-master", Set.of(AnalysisCode.DeadCoMaster, AnalysisCode.DeadCoMasterAndSomeReplicas)),

    /**
     * A dead intermediate master's replicas move elsewhere. DeadIntermediateMasterAndReplicas is not here: with
     * every replica unreachable there is nothing to move.
     */
    INTERMEDIATE_MASTER("recover-dead-intermediate-master", Set.of(AnalysisCode.DeadIntermediateMaster,
            AnalysisCode.DeadIntermediateMasterAndSomeReplicas, AnalysisCode.DeadIntermediateMasterWithSingleReplica,
            AnalysisCode.DeadIntermediateMasterWithSingleReplicaFailingToConnect)),

    /**
     * A semi-sync master short of (or, under EnforceExactSemiSyncReplicas, over) its acknowledging replicas gets
     * replicas' semi-sync switched. Governed by EnforceExactSemiSyncReplicas / RecoverLockedSemiSyncMaster rather
     * than by cluster filters, as in orchestrator.
     */
    SEMI_SYNC("recover-semi-sync-master", Set.of(AnalysisCode.LockedSemiSyncMaster,
            AnalysisCode.MasterWithTooManySemiSyncReplicas)),

    /**
     * A read-only master is made writable (RecoverNonWriteableMaster). Not held back by cluster filters: the
     * analysis exists only when the operator asked for this, as in orchestrator.
     */
    NON_WRITEABLE_MASTER("recover-non-writeable-master", Set.of(AnalysisCode.NoWriteableMaster));

    private final String auditType;
    private final Set<AnalysisCode> codes;

    RecoveryType(String auditType, Set<AnalysisCode> codes) {
        this.auditType = auditType;
        this.codes = codes;
    }

    static Optional<RecoveryType> of(AnalysisCode code) {
        return Stream.of(values()).filter(t -> t.codes.contains(code)).findFirst();
    }

    String auditType() {
        return auditType;
    }

    /** Whether the recovery replaces the cluster's writer, so that the alias and the KV stores follow. */
    boolean replacesMaster() {
        return this == MASTER || this == CO_MASTER;
    }

    List<String> clusterFilters(RecoverySettings recovery) {
        return switch (this) {
            case MASTER, CO_MASTER -> recovery.recoverMasterClusterFilters();
            case INTERMEDIATE_MASTER -> recovery.recoverIntermediateMasterClusterFilters();
            case SEMI_SYNC, NON_WRITEABLE_MASTER -> List.of("*");
        };
    }

    /** Whether any recent recovery of the cluster blocks this one, or only one of the same instance. */
    boolean blockedByCluster() {
        return this != INTERMEDIATE_MASTER;
    }

    /** The type's own hooks first, then PostFailoverProcesses, as orchestrator runs them. */
    List<String> postSuccessHooks(FailoverConfiguration f) {
        List<String> own = switch (this) {
            case MASTER, CO_MASTER -> f.postMasterFailoverProcesses();
            case INTERMEDIATE_MASTER -> f.postIntermediateMasterFailoverProcesses();
            case SEMI_SYNC, NON_WRITEABLE_MASTER -> List.of();
        };
        return Stream.concat(own.stream(), f.postFailoverProcesses().stream()).toList();
    }
}
