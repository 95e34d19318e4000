package org.orchestratoree.topology;

/**
 * A server as the backend knows it: its latest snapshot, where it sits in its cluster, what it holds that its
 * master lacks, and how fresh the knowledge is. A failed probe keeps the last snapshot and only moves the
 * check times.
 */
public record Instance(InstanceSnapshot snapshot, ClusterPlacement placement, CheckTimes checks,
                       GtidLineage lineage) {

    public Instance {
        lineage = lineage == null ? GtidLineage.NONE : lineage;
    }

    /** An instance whose lineage is not worked out (a master, a fixture). */
    public Instance(InstanceSnapshot snapshot, ClusterPlacement placement, CheckTimes checks) {
        this(snapshot, placement, checks, GtidLineage.NONE);
    }

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
