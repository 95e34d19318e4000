package org.orchestratoree.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.orchestratoree.topology.InstanceKey;

/**
 * Everything the analyzer needs besides the snapshots, as plain values so that analysis stays a pure function
 * of its inputs (and can be replayed in tests and audits).
 *
 * @param now the instant the analysis is made for
 * @param pollInterval InstancePollSeconds; bounds how late a started probe may be before the check is invalid
 * @param reasonableReplicationLagSeconds above this a replica counts as lagging
 * @param reasonableLockedSemiSyncMasterSeconds how long a semi-sync master's binlog must stand still before it
 *        is deemed locked; 0 falls back to {@code reasonableReplicationLagSeconds}, as in orchestrator
 * @param downtimed instances under an active downtime
 * @param binlogUnchangedSince per instance, since when its own binlog coordinates have not moved; the
 *        topology keeps only the latest snapshot, so the caller has to remember this across polls
 * @param includeNoProblem also report instances with nothing wrong (orchestrator's IncludeNoProblem hint)
 * @param includeDowntimed also report findings that a downtime makes skippable
 * @param reportMastersWithoutReplicas report a healthy master with no replicas as MasterWithoutReplicas;
 *        orchestrator keeps that rule disabled because a lone master is a legitimate setup
 * @param recoverNonWriteableMaster RecoverNonWriteableMaster: report a read-only master whose replicas replicate
 *        as NoWriteableMaster, for the leader to make it writable
 * @param enforceExactSemiSyncReplicas EnforceExactSemiSyncReplicas: a semi-sync master with more acknowledging
 *        replicas than it waits for is MasterWithTooManySemiSyncReplicas
 */
public record AnalysisContext(
        Instant now,
        Duration pollInterval,
        long reasonableReplicationLagSeconds,
        long reasonableLockedSemiSyncMasterSeconds,
        Set<InstanceKey> downtimed,
        Map<InstanceKey, Instant> binlogUnchangedSince,
        boolean includeNoProblem,
        boolean includeDowntimed,
        boolean reportMastersWithoutReplicas,
        boolean recoverNonWriteableMaster,
        boolean enforceExactSemiSyncReplicas) {

    public AnalysisContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(pollInterval, "pollInterval");
        downtimed = Set.copyOf(downtimed);
        binlogUnchangedSince = Map.copyOf(binlogUnchangedSince);
    }

    /** Orchestrator's defaults: 5 s polls, 10 s reasonable lag, locked-semi-sync threshold following the lag. */
    public static AnalysisContext at(Instant now) {
        return new AnalysisContext(now, Duration.ofSeconds(5), 10, 0, Set.of(), Map.of(), false, false, false, false,
                false);
    }

    public AnalysisContext withPollInterval(Duration interval) {
        return new AnalysisContext(now, interval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, binlogUnchangedSince, includeNoProblem,
                includeDowntimed, reportMastersWithoutReplicas, recoverNonWriteableMaster,
                enforceExactSemiSyncReplicas);
    }

    public AnalysisContext withThresholds(long replicationLagSeconds, long lockedSemiSyncMasterSeconds) {
        return new AnalysisContext(now, pollInterval, replicationLagSeconds, lockedSemiSyncMasterSeconds,
                downtimed, binlogUnchangedSince, includeNoProblem, includeDowntimed,
                reportMastersWithoutReplicas, recoverNonWriteableMaster, enforceExactSemiSyncReplicas);
    }

    public AnalysisContext withDowntimed(Set<InstanceKey> keys) {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, keys, binlogUnchangedSince, includeNoProblem,
                includeDowntimed, reportMastersWithoutReplicas, recoverNonWriteableMaster,
                enforceExactSemiSyncReplicas);
    }

    public AnalysisContext withBinlogUnchangedSince(Map<InstanceKey, Instant> since) {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, since, includeNoProblem, includeDowntimed,
                reportMastersWithoutReplicas, recoverNonWriteableMaster, enforceExactSemiSyncReplicas);
    }

    public AnalysisContext includingNoProblem() {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, binlogUnchangedSince, true, includeDowntimed,
                reportMastersWithoutReplicas, recoverNonWriteableMaster, enforceExactSemiSyncReplicas);
    }

    public AnalysisContext includingDowntimed() {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, binlogUnchangedSince, includeNoProblem, true,
                reportMastersWithoutReplicas, recoverNonWriteableMaster, enforceExactSemiSyncReplicas);
    }

    public AnalysisContext reportingMastersWithoutReplicas() {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, binlogUnchangedSince, includeNoProblem,
                includeDowntimed, true, recoverNonWriteableMaster, enforceExactSemiSyncReplicas);
    }

    public AnalysisContext recoveringNonWriteableMaster(boolean recover) {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, binlogUnchangedSince, includeNoProblem,
                includeDowntimed, reportMastersWithoutReplicas, recover, enforceExactSemiSyncReplicas);
    }

    public AnalysisContext enforcingExactSemiSyncReplicas(boolean enforce) {
        return new AnalysisContext(now, pollInterval, reasonableReplicationLagSeconds,
                reasonableLockedSemiSyncMasterSeconds, downtimed, binlogUnchangedSince, includeNoProblem,
                includeDowntimed, reportMastersWithoutReplicas, recoverNonWriteableMaster, enforce);
    }

    long lockedSemiSyncMasterSeconds() {
        return reasonableLockedSemiSyncMasterSeconds > 0
                ? reasonableLockedSemiSyncMasterSeconds : reasonableReplicationLagSeconds;
    }

    /** Orchestrator's stale-binlog test: the coordinates were first seen where they are before the threshold. */
    boolean binlogStale(InstanceKey key) {
        Instant since = binlogUnchangedSince.get(key);
        return since != null && since.isBefore(now.minusSeconds(lockedSemiSyncMasterSeconds()));
    }
}
