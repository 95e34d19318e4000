package org.orchestratoree.refactor;

import org.orchestratoree.ha.ServerAction;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * An operator's change to replication on real servers. Applying it returns the instance it changed, as
 * re-probed afterwards.
 */
public sealed interface TopologyCommand extends ServerAction<Instance> {

    /** The instance the operation changes; what the API answers with. */
    InstanceKey key();

    /** Moves a replica below another instance, by GTID. */
    record Relocate(InstanceKey key, InstanceKey below) implements TopologyCommand {
        @Override
        public String name() {
            return "relocate";
        }
    }

    /** Moves a replica up one level, to replicate from its master's master. */
    record MoveUp(InstanceKey key) implements TopologyCommand {
        @Override
        public String name() {
            return "move-up";
        }
    }

    /** Points a replica at the given master, or re-points it at its current one when {@code below} is null. */
    record Repoint(InstanceKey key, InstanceKey below) implements TopologyCommand {
        @Override
        public String name() {
            return "repoint";
        }
    }

    record StartReplica(InstanceKey key) implements TopologyCommand {
        @Override
        public String name() {
            return "start-replica";
        }
    }

    record StopReplica(InstanceKey key) implements TopologyCommand {
        @Override
        public String name() {
            return "stop-replica";
        }
    }

    record SetReadOnly(InstanceKey key, boolean readOnly) implements TopologyCommand {
        @Override
        public String name() {
            return readOnly ? "set-read-only" : "set-writeable";
        }
    }
}
