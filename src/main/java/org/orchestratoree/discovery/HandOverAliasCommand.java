package org.orchestratoree.discovery;

import org.orchestratoree.ha.Command;

/**
 * After a failover or takeover the alias belongs to the successor's cluster: the old cluster's alias (and its
 * operator's override, if any) move to the new cluster name, and the old cluster keeps none of them.
 */
public record HandOverAliasCommand(String oldClusterName, String newClusterName, String alias)
        implements Command<Void> {
    @Override
    public String name() {
        return "hand-over-cluster-alias";
    }
}
