package org.orchestratoree.topology;

/**
 * What an instance says of its own replication (SHOW SLAVE STATUS / SHOW REPLICA STATUS).
 *
 * @param secondsBehindMaster null when the server reports NULL (threads stopped or not connected)
 */
public record ReplicaStatus(
        InstanceKey masterKey,
        String masterUuid,
        ReplicationThreadState ioThread,
        ReplicationThreadState sqlThread,
        int lastIoErrno,
        String lastIoError,
        int lastSqlErrno,
        String lastSqlError,
        Long secondsBehindMaster,
        long sqlDelay,
        BinlogCoordinates readCoordinates,
        BinlogCoordinates execCoordinates,
        BinlogCoordinates relayLogCoordinates,
        boolean usingGtid,
        String retrievedGtidSet,
        boolean hasReplicationFilters) {

    public boolean ioRunning() {
        return ioThread == ReplicationThreadState.RUNNING;
    }

    public boolean sqlRunning() {
        return sqlThread == ReplicationThreadState.RUNNING;
    }

    public boolean replicating() {
        return ioRunning() && sqlRunning();
    }
}
