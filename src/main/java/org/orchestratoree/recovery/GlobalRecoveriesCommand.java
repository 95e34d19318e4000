package org.orchestratoree.recovery;

import org.orchestratoree.ha.Command;

/** Turn automated recoveries on or off for every cluster, on every node. */
public record GlobalRecoveriesCommand(boolean enable) implements Command<Boolean> {
    @Override
    public String name() {
        return enable ? "enable-global-recoveries" : "disable-global-recoveries";
    }
}
