package org.orchestratoree.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.PromotionRule;

/**
 * Chooses the replica to promote when a master dies. Pure: it sees only snapshots and rules.
 *
 * <p>A replica qualifies when it answered its last probe, writes a binary log (the others will replicate from
 * it), is not registered {@code must_not}, and stays within the data center / region / lag limits. Among the
 * qualified: the best promotion rule first, then one without errant GTIDs (transactions written on the replica
 * itself, which its siblings would otherwise have to take from it), then the most advanced in the dead master's
 * binary log (executed coordinates are comparable between siblings), then one in the dead master's data center,
 * then the smallest key for a stable choice.
 */
public final class CandidateChooser {

    public CandidateChoice choose(Instance failedMaster, List<Instance> replicas, Map<InstanceKey, PromotionRule> rules,
                                  PromotionConstraints constraints) {
        List<String> skipped = new ArrayList<>();
        List<Instance> qualified = new ArrayList<>();
        for (Instance replica : replicas) {
            String reason = disqualification(failedMaster.snapshot(), replica, rule(rules, replica), constraints);
            if (reason == null) {
                qualified.add(replica);
            } else {
                skipped.add(replica.key() + ": " + reason);
            }
        }
        String failedDc = failedMaster.snapshot().location().dataCenter();
        Comparator<Instance> order = Comparator
                .comparing((Instance i) -> rule(rules, i))
                .thenComparing(CandidateChooser::hasErrantGtids)
                .thenComparing((Instance i) -> executed(i), Comparator.reverseOrder())
                .thenComparing((Instance i) -> !i.snapshot().location().dataCenter().equals(failedDc))
                .thenComparing(Instance::key);
        return new CandidateChoice(qualified.stream().min(order), skipped);
    }

    private static PromotionRule rule(Map<InstanceKey, PromotionRule> rules, Instance i) {
        return rules.getOrDefault(i.key(), PromotionRule.NEUTRAL);
    }

    private static String disqualification(InstanceSnapshot failed, Instance replica, PromotionRule rule,
                                           PromotionConstraints constraints) {
        InstanceSnapshot s = replica.snapshot();
        if (rule == PromotionRule.MUST_NOT) {
            return "registered must_not";
        }
        if (!replica.checks().lastCheckValid()) {
            return "not reachable";
        }
        if (!s.binlog().logBinEnabled()) {
            return "has no binary log";
        }
        if (constraints.preventCrossDataCenter() && !s.location().dataCenter().equals(failed.location().dataCenter())) {
            return "in data center '" + s.location().dataCenter() + "', not the failed master's '"
                    + failed.location().dataCenter() + "' (PreventCrossDataCenterMasterFailover)";
        }
        if (constraints.preventCrossRegion() && !s.location().region().equals(failed.location().region())) {
            return "in region '" + s.location().region() + "', not the failed master's '" + failed.location().region()
                    + "' (PreventCrossRegionMasterFailover)";
        }
        Long lag = s.replication() == null ? null : s.replication().secondsBehindMaster();
        if (constraints.failOnLagMinutes() > 0 && lag != null && lag > constraints.failOnLagMinutes() * 60L) {
            return "lagging " + lag + "s (FailMasterPromotionOnLagMinutes)";
        }
        return null;
    }

    /**
     * Whether the replica holds transactions its master never had (its GtidErrant, MySQL or MariaDB, worked out
     * when it was last probed): its siblings would have to take them from it.
     */
    static boolean hasErrantGtids(Instance i) {
        return i.lineage().hasErrantGtids();
    }

    /** Executed position in the failed master's binary log, comparable between its replicas. */
    static Position executed(Instance i) {
        BinlogCoordinates c = i.snapshot().replication() == null ? BinlogCoordinates.NONE
                : i.snapshot().replication().execCoordinates();
        return new Position(c.logFile(), c.logPos());
    }

    record Position(String file, long pos) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = file.compareTo(o.file);
            return c != 0 ? c : Long.compare(pos, o.pos);
        }
    }
}
