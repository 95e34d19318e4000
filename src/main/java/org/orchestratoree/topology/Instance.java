package org.orchestratoree.topology;

/**
 * A server as the backend knows it: its latest snapshot, where it sits in its cluster and how fresh the
 * knowledge is. A failed probe keeps the last snapshot and only moves the check times.
 */
public record Instance(InstanceSnapshot snapshot, ClusterPlacement placement, CheckTimes checks) {

    public InstanceKey key() {
        return snapshot.key();
    }

    public String clusterName() {
        return placement.clusterName();
    }

    public boolean isMaster() {
        return !snapshot.isReplica();
    }
}
