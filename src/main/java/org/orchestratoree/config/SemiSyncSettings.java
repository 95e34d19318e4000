package org.orchestratoree.config;

/**
 * Orchestrator's semi-sync keys.
 *
 * @param reasonableLockedSemiSyncMasterSeconds how long a semi-sync master short of acknowledgements must keep
 *        its binlog still before it is LockedSemiSyncMaster; 0 falls back to ReasonableReplicationLagSeconds
 * @param enforceExactSemiSyncReplicas report MasterWithTooManySemiSyncReplicas, and have the recovery of it and of
 *        LockedSemiSyncMaster enable and disable replicas' semi-sync until exactly the wait count acknowledges
 * @param recoverLockedSemiSyncMaster have the recovery of LockedSemiSyncMaster enable (never disable) semi-sync on
 *        replicas until the wait count is met; no effect when enforceExactSemiSyncReplicas is set
 */
public record SemiSyncSettings(
        int reasonableLockedSemiSyncMasterSeconds,
        boolean enforceExactSemiSyncReplicas,
        boolean recoverLockedSemiSyncMaster) {

    public static SemiSyncSettings defaults() {
        return new SemiSyncSettings(0, false, false);
    }
}
