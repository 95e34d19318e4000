package org.orchestratoree.config;

import java.time.Duration;
import java.util.List;

/**
 * What failure detection and recovery may do and how long their decisions hold.
 *
 * @param candidateInstanceExpireMinutes a register-candidate holds this long unless renewed
 * @param recoveryPeriodBlockSeconds a recovery blocks another on the same cluster this long, unless acknowledged
 * @param failureDetectionPeriodBlockMinutes a failure is detected (and its hooks run) once in this period
 * @param recoverMasterClusterFilters clusters (regex, alias= or *) whose masters are recovered automatically
 * @param recoverIntermediateMasterClusterFilters likewise for intermediate masters
 * @param recoveryPollSeconds how often analysis looks for failures to recover
 * @param recoverNonWriteableMaster RecoverNonWriteableMaster: a read-only master with replicating replicas is made
 *        writable by the leader (analysis NoWriteableMaster)
 */
public record RecoverySettings(
        int candidateInstanceExpireMinutes,
        int recoveryPeriodBlockSeconds,
        int failureDetectionPeriodBlockMinutes,
        List<String> recoverMasterClusterFilters,
        List<String> recoverIntermediateMasterClusterFilters,
        int recoveryPollSeconds,
        boolean recoverNonWriteableMaster) {

    public RecoverySettings {
        recoverMasterClusterFilters = List.copyOf(recoverMasterClusterFilters);
        recoverIntermediateMasterClusterFilters = List.copyOf(recoverIntermediateMasterClusterFilters);
    }

    public static RecoverySettings defaults() {
        return new RecoverySettings(60, 3600, 60, List.of(), List.of(), 1, false);
    }

    public Duration candidateExpiry() {
        return Duration.ofMinutes(candidateInstanceExpireMinutes);
    }

    public Duration recoveryPeriodBlock() {
        return Duration.ofSeconds(recoveryPeriodBlockSeconds);
    }

    public Duration failureDetectionPeriodBlock() {
        return Duration.ofMinutes(failureDetectionPeriodBlockMinutes);
    }
}
