package org.orchestratoree.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;

/**
 * Which replicas of a semi-sync master should have semi-sync switched on or off, as orchestrator's semi-sync
 * recovery decides it. Replicas that do not answer or do not replicate are left out. The others are candidates in
 * priority order: promotion rule first (a {@code must_not} replica never acknowledges, it stays asynchronous), then
 * host:port. Orchestrator's DetectSemiSyncEnforcedQuery priority is not read; every other replica counts as
 * semi-sync capable with the same priority.
 *
 * <p>Exact (EnforceExactSemiSyncReplicas): the first wait-count candidates are enabled, every other replica with
 * semi-sync on is disabled. Enough (RecoverLockedSemiSyncMaster): semi-sync is enabled, in order, on candidates
 * that lack it until the missing acknowledgements are covered; nothing is disabled.
 */
final class SemiSyncReplicaPlan {

    /** What the plan needs to know of one replica. */
    record Replica(InstanceKey key, boolean answers, boolean replicating, boolean semiSyncEnabled, PromotionRule rule) {
    }

    private SemiSyncReplicaPlan() {
    }

    /** Replica to "enable?" (true: switch on, false: switch off), in the order they should be applied: enables first. */
    static Map<InstanceKey, Boolean> actions(long waitCount, long connectedClients, List<Replica> replicas,
                                             boolean exact) {
        List<Replica> candidates = new ArrayList<>();
        List<Replica> async = new ArrayList<>();
        for (Replica r : replicas) {
            if (!r.answers() || !r.replicating()) {
                continue;
            }
            (r.rule() == PromotionRule.MUST_NOT ? async : candidates).add(r);
        }
        candidates.sort(Comparator.comparing((Replica r) -> r.rule().ordinal()).thenComparing(r -> r.key().toString()));
        Map<InstanceKey, Boolean> enable = new LinkedHashMap<>();
        Map<InstanceKey, Boolean> disable = new LinkedHashMap<>();
        if (exact) {
            for (int i = 0; i < candidates.size(); i++) {
                Replica r = candidates.get(i);
                boolean wanted = i < waitCount;
                if (wanted && !r.semiSyncEnabled()) {
                    enable.put(r.key(), true);
                } else if (!wanted && r.semiSyncEnabled()) {
                    disable.put(r.key(), false);
                }
            }
            async.stream().filter(Replica::semiSyncEnabled).forEach(r -> disable.put(r.key(), false));
        } else {
            long missing = waitCount - connectedClients;
            for (Replica r : candidates) {
                if (enable.size() >= missing) {
                    break;
                }
                if (!r.semiSyncEnabled()) {
                    enable.put(r.key(), true);
                }
            }
        }
        Map<InstanceKey, Boolean> ordered = new LinkedHashMap<>(enable);
        ordered.putAll(disable);
        return ordered;
    }
}
