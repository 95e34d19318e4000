package org.orchestratoree.recovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;

/**
 * Chooses and checks the replica a graceful master takeover promotes, before anything changes. Pure: it sees
 * only snapshots and rules. Messages are orchestrator's, so scripts matching them keep working.
 */
public final class TakeoverTarget {

    private final CandidateChooser chooser = new CandidateChooser();

    /**
     * @param designated the operator's target, which must replicate directly from the master
     * @param auto without a target, choose one among several replicas (graceful-master-takeover-auto); plain
     *             graceful-master-takeover only takes the master's single replica
     * @throws CommandFailedException when no replica may take over; nothing has changed then
     */
    public Instance designate(Instance master, List<Instance> replicas, Optional<InstanceKey> designated, boolean auto,
                              Map<InstanceKey, PromotionRule> rules, int reasonableLagSeconds) {
        InstanceKey m = master.key();
        if (replicas.isEmpty()) {
            throw refused("Master " + m + " doesn't seem to have replicas");
        }
        Instance target;
        if (designated.isPresent()) {
            target = replicas.stream().filter(r -> r.key().equals(designated.get())).findFirst()
                    .orElseThrow(() -> refused("GracefulMasterTakeover: indicated designated instance "
                            + designated.get() + " must be directly replicating from the master " + m));
        } else if (replicas.size() == 1) {
            target = replicas.get(0);
        } else if (!auto) {
            throw refused("GracefulMasterTakeover: target instance not indicated, auto=false, and master " + m
                    + " has " + replicas.size() + " replicas. orchestrator cannot choose where to failover to. Aborting");
        } else {
            CandidateChoice choice = chooser.choose(master, replicas, rules, PromotionConstraints.NONE);
            target = choice.candidate().orElseThrow(() -> refused("GracefulMasterTakeover: no target instance "
                    + "indicated, failed to auto-detect candidate replica for master " + m + ". Aborting"));
        }
        check(target, rules, reasonableLagSeconds);
        return target;
    }

    private static void check(Instance target, Map<InstanceKey, PromotionRule> rules, int reasonableLagSeconds) {
        InstanceKey t = target.key();
        if (rules.getOrDefault(t, PromotionRule.NEUTRAL) == PromotionRule.MUST_NOT) {
            throw refused("GracefulMasterTakeover: designated instance " + t
                    + " cannot be promoted due to promotion rule");
        }
        if (!target.checks().lastCheckValid()) {
            throw refused("GracefulMasterTakeover: designated instance " + t + " did not answer its last probe");
        }
        if (!target.snapshot().binlog().logBinEnabled()) {
            throw refused("GracefulMasterTakeover: designated instance " + t
                    + " has no binary log; its siblings could not replicate from it");
        }
        Long lag = target.snapshot().replication() == null ? null : target.snapshot().replication().secondsBehindMaster();
        if (lag == null || lag > reasonableLagSeconds) {
            throw refused("Designated instance " + t + " seems to be lagging too much for this operation. Aborting.");
        }
    }

    private static CommandFailedException refused(String message) {
        return new CommandFailedException(message);
    }
}
