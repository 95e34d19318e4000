package org.orchestratoree.topology;

/**
 * Where an instance sits: its cluster (the name is the master's {@code host:port}) and its depth below
 * the master (0 for the master itself).
 */
public record ClusterPlacement(String clusterName, int replicationDepth, boolean coMaster) {

    /** Placement of an instance with no known master: it heads its own cluster. */
    public static ClusterPlacement headOf(InstanceKey key) {
        return new ClusterPlacement(key.toString(), 0, false);
    }

    /** Placement of a replica below a master whose own placement is known. */
    public static ClusterPlacement below(ClusterPlacement master) {
        return new ClusterPlacement(master.clusterName(), master.replicationDepth() + 1, false);
    }
}
