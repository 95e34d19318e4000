package org.orchestratoree.web;

import org.orchestratoree.topology.ClusterInfo;

/** One line of the cluster list, with JavaBean getters for the views (Faces 4 EL does not read records). */
public final class ClusterRow {

    private final ClusterInfo info;

    public ClusterRow(ClusterInfo info) {
        this.info = info;
    }

    public String getName() {
        return info.clusterName();
    }

    public String getAlias() {
        return info.clusterAlias();
    }

    public String getDomain() {
        return info.clusterDomain();
    }

    public int getInstanceCount() {
        return info.countInstances();
    }

    /** Whether the alias says something the name does not. */
    public boolean isAliased() {
        return info.clusterAlias() != null && !info.clusterAlias().isEmpty()
                && !info.clusterAlias().equals(info.clusterName());
    }
}
