package org.orchestratoree.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.ReplicationRule;
import org.orchestratoree.topology.ReplicationVerdict;
import org.orchestratoree.topology.InstanceKey;

/**
 * Chooses the new parent of a dead intermediate master's replicas (its orphans). Pure: it sees only snapshots
 * and promotion rules.
 *
 * <p>A sibling (another replica of the same master) qualifies when it answered its last probe, replicates
 * (both threads running: it must keep receiving what the orphans need), writes a binary log with
 * {@code log_slave_updates} (else the orphans would starve), is not registered {@code must_not}, has the same
 * replication filters as the dead one (else the orphans would see different data), and every reachable orphan
 * may replicate from it. Among the qualified, as orchestrator ranks them: a registered candidate ({@code prefer} or
 * {@code must}) in the dead one's data center and environment, then a candidate anywhere, then any sibling in
 * the data center and environment, then any sibling; within a rank the one with the most replicas (already
 * serving as an intermediate master), then the smallest key for a stable choice.
 *
 * <p>The master is the fallback when it answered its last probe and writes a binary log; whether each orphan
 * may replicate from it is checked orphan by orphan when it is moved.
 */
public final class OrphanParentChooser {

    public OrphanParentChoice choose(Instance deadIntermediate, Instance master, List<Instance> siblings,
                                     List<Instance> orphans, Map<InstanceKey, PromotionRule> rules) {
        List<String> skipped = new ArrayList<>();
        List<Instance> qualified = new ArrayList<>();
        for (Instance sibling : siblings) {
            if (sibling.key().equals(deadIntermediate.key())) {
                continue;
            }
            String reason = disqualification(deadIntermediate, sibling, orphans, rule(rules, sibling));
            if (reason == null) {
                qualified.add(sibling);
            } else {
                skipped.add(sibling.key() + ": " + reason);
            }
        }
        Comparator<Instance> order = Comparator
                .comparingInt((Instance s) -> rank(deadIntermediate.snapshot(), s, rule(rules, s)))
                .thenComparing((Instance s) -> s.snapshot().replicaKeys().size(), Comparator.reverseOrder())
                .thenComparing(Instance::key);
        Optional<Instance> fallback = Optional.ofNullable(master)
                .filter(m -> m.checks().lastCheckValid() && m.snapshot().binlog().logBinEnabled());
        return new OrphanParentChoice(qualified.stream().min(order), fallback, skipped);
    }

    private static PromotionRule rule(Map<InstanceKey, PromotionRule> rules, Instance i) {
        return rules.getOrDefault(i.key(), PromotionRule.NEUTRAL);
    }

    /** 0 is best: candidate nearby, candidate anywhere, nearby, anywhere. */
    private static int rank(InstanceSnapshot dead, Instance sibling, PromotionRule rule) {
        boolean candidate = rule == PromotionRule.MUST || rule == PromotionRule.PREFER;
        boolean nearby = sibling.snapshot().location().dataCenter().equals(dead.location().dataCenter())
                && sibling.snapshot().location().physicalEnvironment().equals(dead.location().physicalEnvironment());
        return candidate ? (nearby ? 0 : 1) : (nearby ? 2 : 3);
    }

    private static String disqualification(Instance dead, Instance sibling, List<Instance> orphans,
                                           PromotionRule rule) {
        InstanceSnapshot s = sibling.snapshot();
        if (rule == PromotionRule.MUST_NOT) {
            return "registered must_not";
        }
        if (!sibling.checks().lastCheckValid()) {
            return "not reachable";
        }
        if (s.replication() == null || !s.replication().replicating()) {
            return "not replicating";
        }
        if (!s.binlog().logBinEnabled()) {
            return "has no binary log";
        }
        if (!s.binlog().logReplicaUpdates()) {
            return "has no log_slave_updates";
        }
        if (hasFilters(s) != hasFilters(dead.snapshot())) {
            return "replication filters differ from " + dead.key() + "'s";
        }
        // unreachable orphans are not moved, so they must not rule a sibling out
        for (Instance orphan : orphans.stream().filter(o -> o.checks().lastCheckValid()).toList()) {
            ReplicationVerdict verdict = ReplicationRule.canReplicateFrom(orphan.snapshot(), s);
            if (!verdict.allowed()) {
                return verdict.explanation();
            }
        }
        return null;
    }

    private static boolean hasFilters(InstanceSnapshot s) {
        return s.replication() != null && s.replication().hasReplicationFilters();
    }
}
