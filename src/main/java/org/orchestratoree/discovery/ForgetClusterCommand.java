package org.orchestratoree.discovery;

import org.orchestratoree.ha.Command;

/** Drop every instance of a cluster. Returns how many were forgotten. */
public record ForgetClusterCommand(String clusterName) implements Command<Integer> {
    @Override
    public String name() {
        return "forget-cluster";
    }
}
