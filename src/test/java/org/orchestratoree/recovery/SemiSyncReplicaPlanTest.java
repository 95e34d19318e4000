package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;

class SemiSyncReplicaPlanTest {

    private static final InstanceKey A = InstanceKey.parse("127.0.0.1:10112");
    private static final InstanceKey B = InstanceKey.parse("127.0.0.1:10113");
    private static final InstanceKey C = InstanceKey.parse("127.0.0.1:10114");

    private static SemiSyncReplicaPlan.Replica replica(InstanceKey key, boolean semiSync, PromotionRule rule) {
        return new SemiSyncReplicaPlan.Replica(key, true, true, semiSync, rule);
    }

    private static Map<InstanceKey, Boolean> map(Object... keysAndValues) {
        Map<InstanceKey, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((InstanceKey) keysAndValues[i], (Boolean) keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void enoughEnablesTheMissingAcknowledgementsInPriorityOrderAndNeverDisables() {
        List<SemiSyncReplicaPlan.Replica> replicas = List.of(replica(A, false, PromotionRule.NEUTRAL),
                replica(B, false, PromotionRule.PREFER), replica(C, true, PromotionRule.NEUTRAL));
        assertEquals(map(B, true), SemiSyncReplicaPlan.actions(2, 1, replicas, false));
    }

    @Test
    void exactEnablesTheFirstWaitCountAndDisablesTheRestEnablesFirst() {
        List<SemiSyncReplicaPlan.Replica> replicas = List.of(replica(A, false, PromotionRule.PREFER),
                replica(B, true, PromotionRule.NEUTRAL), replica(C, true, PromotionRule.NEUTRAL));
        assertEquals(List.of(A, C), List.copyOf(SemiSyncReplicaPlan.actions(2, 2, replicas, true).keySet()));
        assertEquals(map(A, true, C, false), SemiSyncReplicaPlan.actions(2, 2, replicas, true));
    }

    @Test
    void mustNotReplicasStayAsynchronousAndLoseSemiSyncWhenExact() {
        List<SemiSyncReplicaPlan.Replica> replicas = List.of(replica(A, true, PromotionRule.MUST_NOT),
                replica(B, false, PromotionRule.NEUTRAL));
        assertEquals(map(B, true), SemiSyncReplicaPlan.actions(1, 0, replicas, false));
        assertEquals(map(B, true, A, false), SemiSyncReplicaPlan.actions(1, 1, replicas, true));
    }

    @Test
    void replicasThatDoNotAnswerOrReplicateAreLeftOut() {
        List<SemiSyncReplicaPlan.Replica> replicas = List.of(
                new SemiSyncReplicaPlan.Replica(A, false, false, false, PromotionRule.PREFER),
                new SemiSyncReplicaPlan.Replica(B, true, false, false, PromotionRule.PREFER),
                replica(C, false, PromotionRule.NEUTRAL));
        assertEquals(map(C, true), SemiSyncReplicaPlan.actions(1, 0, replicas, false));
        assertEquals(Map.of(), SemiSyncReplicaPlan.actions(1, 0, List.of(replicas.get(0)), false));
    }
}
