package org.orchestratoree.refactor;

import org.orchestratoree.ha.ServerAction;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Makes a replica's master replicate from the replica, so that the two are co-masters (orchestrator's
 * make-co-master). Applying it returns the replica as re-probed afterwards.
 */
public record MakeCoMasterCommand(InstanceKey key) implements ServerAction<Instance> {

    @Override
    public String name() {
        return "make-co-master";
    }
}
