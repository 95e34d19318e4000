package org.orchestratoree.topology;

import java.util.List;

/**
 * What one successful probe of a server read. Immutable; a newer probe replaces it whole.
 *
 * @param replication null when the server has no replication configured (a master)
 */
public record InstanceSnapshot(
        InstanceKey key,
        long serverId,
        String serverUuid,
        ServerVersion version,
        boolean readOnly,
        BinlogSettings binlog,
        BinlogCoordinates selfCoordinates,
        ReplicaStatus replication,
        GtidState gtid,
        SemiSyncState semiSync,
        List<InstanceKey> replicaKeys,
        long uptimeSeconds,
        Location location,
        String suggestedClusterAlias) {

    public InstanceSnapshot {
        replicaKeys = List.copyOf(replicaKeys);
    }

    /** What is known of a server that was named (by a user or a neighbour) but never answered. */
    public static InstanceSnapshot unprobed(InstanceKey key) {
        return new InstanceSnapshot(key, 0, "", ServerVersion.UNKNOWN, false, BinlogSettings.NONE,
                BinlogCoordinates.NONE, null, GtidState.NONE, SemiSyncState.NONE, List.of(), 0,
                Location.UNKNOWN, "");
    }

    public boolean isReplica() {
        return replication != null && replication.masterKey() != null;
    }

    public InstanceKey masterKey() {
        return isReplica() ? replication.masterKey() : null;
    }
}
