package org.orchestratoree.recovery;

import org.orchestratoree.ha.Command;
import org.orchestratoree.topology.Downtime;

/** Downtime an instance; begin and end are fixed by the publisher so every node stores the same period. */
public record BeginDowntimeCommand(Downtime downtime) implements Command<Boolean> {
    @Override
    public String name() {
        return "begin-downtime";
    }
}
