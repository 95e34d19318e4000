package org.orchestratoree.refactor;

import org.orchestratoree.ha.ServerAction;
import org.orchestratoree.topology.InstanceKey;

/**
 * Moves every replica of {@code key} below {@code below} by GTID, or below {@code key}'s own master when
 * {@code below} is null (orchestrator's relocate-replicas).
 */
public record RelocateReplicasCommand(InstanceKey key, InstanceKey below) implements ServerAction<RelocatedReplicas> {

    @Override
    public String name() {
        return "relocate-replicas";
    }
}
