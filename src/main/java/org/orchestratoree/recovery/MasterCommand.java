package org.orchestratoree.recovery;

import org.orchestratoree.ha.ServerAction;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * An operator's planned or manual master change. Applying it returns the recovery it recorded, successful or
 * not; a request refused before anything changed fails instead.
 */
public sealed interface MasterCommand extends ServerAction<TopologyRecovery> {

    /**
     * Hands the master over to a direct replica without losing writes.
     *
     * @param designated null: the single replica, or with {@code auto} the best candidate
     * @param auto graceful-master-takeover-auto: chooses among several replicas and starts replication on the
     *             demoted master
     */
    record GracefulTakeover(String clusterName, InstanceKey designated, boolean auto) implements MasterCommand {
        @Override
        public String name() {
            return auto ? "graceful-master-takeover-auto" : "graceful-master-takeover";
        }
    }

    /** Fails the master over as if it were dead, even when it is alive. */
    record ForceFailover(String clusterName) implements MasterCommand {
        @Override
        public String name() {
            return "force-master-failover";
        }
    }

    /** Fails the master over to the given direct replica, as if the master were dead. */
    record ForceTakeover(String clusterName, InstanceKey designated) implements MasterCommand {
        @Override
        public String name() {
            return "force-master-takeover";
        }
    }

    /**
     * Recovers the instance's current failure now, whatever the recovery filters say.
     *
     * @param candidate null, or the replica to promote
     * @param skipProcesses recover-lite: no hooks
     */
    record Recover(InstanceKey key, InstanceKey candidate, boolean skipProcesses) implements MasterCommand {
        @Override
        public String name() {
            return skipProcesses ? "recover-lite" : "recover";
        }
    }
}
