package org.orchestratoree.topology;

/** Semi-synchronous replication settings and status, on both the source and the replica side. */
public record SemiSyncState(
        boolean masterEnabled,
        boolean replicaEnabled,
        boolean masterStatus,
        boolean replicaStatus,
        long masterClients,
        long masterWaitForReplicaCount,
        long masterTimeoutMillis) {

    public static final SemiSyncState NONE = new SemiSyncState(false, false, false, false, 0, 0, 0);
}
