package org.orchestratoree.refactor;

import org.orchestratoree.ha.ServerAction;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Turns semi-synchronous replication on or off on one side of one server: orchestrator's
 * enable/disable-semi-sync-master and enable/disable-semi-sync-replica. Applying it returns the instance as
 * re-probed afterwards.
 */
public record SemiSyncCommand(InstanceKey key, Side side, boolean enable) implements ServerAction<Instance> {

    /** The side of semi-sync replication a server plays: the master waits, the replica acknowledges. */
    public enum Side {
        MASTER, REPLICA;

        String word() {
            return this == MASTER ? "master" : "replica";
        }
    }

    @Override
    public String name() {
        return (enable ? "enable" : "disable") + "-semi-sync-" + side.word();
    }
}
