package org.orchestratoree.discovery;

import org.orchestratoree.ha.Command;

/** An operator names a cluster ({@code set-cluster-alias}); the override outranks every other alias source. */
public record SetClusterAliasCommand(String clusterName, String alias) implements Command<Void> {
    @Override
    public String name() {
        return "set-cluster-alias-manual-override";
    }
}
