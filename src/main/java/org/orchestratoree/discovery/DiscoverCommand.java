package org.orchestratoree.discovery;

import org.orchestratoree.ha.Command;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/** Probe an instance now and keep polling it and its neighbours. */
public record DiscoverCommand(InstanceKey key) implements Command<Instance> {
    @Override
    public String name() {
        return "discover";
    }
}
