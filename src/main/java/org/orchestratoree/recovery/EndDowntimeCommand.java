package org.orchestratoree.recovery;

import org.orchestratoree.ha.Command;
import org.orchestratoree.topology.InstanceKey;

/** Lift an instance's downtime; applying it answers whether there was one. */
public record EndDowntimeCommand(InstanceKey key) implements Command<Boolean> {
    @Override
    public String name() {
        return "end-downtime";
    }
}
