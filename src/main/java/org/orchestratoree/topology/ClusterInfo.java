package org.orchestratoree.topology;

/** Summary of one cluster, as orchestrator's cluster-info reports it. */
public record ClusterInfo(String clusterName, String clusterAlias, String clusterDomain, int countInstances) {
}
