package org.orchestratoree.kv;

import java.util.List;
import org.orchestratoree.ha.Command;

/**
 * Write master entries to this node's stores. Published by the leader, applied by every node to the stores of
 * its own configuration (so each data center's Consul or ZooKeeper is written by its local node).
 *
 * @param includeInternal false only when the internal store is known to hold the pairs already
 */
public record WriteKvCommand(List<KvPair> pairs, boolean includeInternal) implements Command<KvWriteReport> {

    public WriteKvCommand {
        pairs = List.copyOf(pairs);
    }

    @Override
    public String name() {
        return "put-key-value";
    }
}
