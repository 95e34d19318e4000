package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.orchestratoree.discovery.HandOverAliasCommand;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.topology.InstanceKey;

/**
 * After a master is replaced, hands the failed cluster's alias to the successor's cluster, as orchestrator
 * renames the alias' cluster on recovery, and journals it. A failure is journaled, never thrown: the recovery
 * itself succeeded.
 */
@ApplicationScoped
public class AliasFollowStep {

    @Inject
    Leadership leadership;
    @Inject
    RecoveryJournal journal;

    public void handOver(String uid, String oldClusterName, String alias, InstanceKey successor) {
        // the successor heads its own cluster now, named after it, even before its next probe says so
        String newClusterName = successor.toString();
        if (newClusterName.equals(oldClusterName)) {
            return;
        }
        String carried = alias == null || alias.equals(oldClusterName) ? "" : alias;
        try {
            leadership.publish(new HandOverAliasCommand(oldClusterName, newClusterName, carried));
            journal.step(uid, "cluster alias '" + alias + "' now names cluster " + newClusterName);
        } catch (RuntimeException e) {
            journal.step(uid, "cluster alias '" + alias + "' not handed over to " + newClusterName + ": "
                    + e.getMessage());
        }
    }
}
