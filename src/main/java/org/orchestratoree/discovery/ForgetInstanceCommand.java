package org.orchestratoree.discovery;

import org.orchestratoree.ha.Command;
import org.orchestratoree.topology.InstanceKey;

/** Drop an instance from the backend and the poll schedule; it returns if a neighbour names it again. */
public record ForgetInstanceCommand(InstanceKey key) implements Command<Boolean> {
    @Override
    public String name() {
        return "forget";
    }
}
