package org.orchestratoree.refactor;

import org.orchestratoree.ha.ServerAction;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/** An operator's removal of errant GTIDs from a replica, run once, on the leader. */
public sealed interface ErrantGtidCommand<R> extends ServerAction<R> {

    InstanceKey key();

    /** Rewrites the replica's GTID history without its errant transactions (RESET MASTER and the kept part). */
    record ResetMaster(InstanceKey key) implements ErrantGtidCommand<Instance> {
        @Override
        public String name() {
            return "gtid-errant-reset-master";
        }
    }

    /** Commits the replica's errant GTIDs as empty transactions on its cluster's master (MySQL GTID). */
    record InjectEmpty(InstanceKey key) implements ErrantGtidCommand<EmptyInjection> {
        @Override
        public String name() {
            return "gtid-errant-inject-empty";
        }
    }

    /** What gtid-errant-inject-empty did: the replica as re-probed, where, and how many transactions. */
    record EmptyInjection(Instance instance, InstanceKey clusterMaster, long count) {
    }
}
