package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.analysis.AnalysisCode.*;
import static org.orchestratoree.analysis.TopologyFixture.NOW;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.SemiSyncState;

class MasterAnalysisTest {

    private static final String M = "127.0.0.1:10111";
    private static final String R1 = "127.0.0.1:10112";
    private static final String R2 = "127.0.0.1:10113";
    private static final String R3 = "127.0.0.1:10114";

    private static TopologyFixture masterWith(int replicas) {
        return TopologyFixture.master(M).replicas(replicas);
    }

    @Test
    void deadMasterWithoutReplicas() {
        ReplicationAnalysis a = masterWith(0).with(M, n -> n.unreachable()).analysisOf(M);
        assertEquals(DeadMasterWithoutReplicas, a.analysis());
        assertTrue(a.actionable());
    }

    @Test
    void deadMasterNeedsEveryReplicaToBlameTheConnection() {
        ReplicationAnalysis a = masterWith(3).with(M, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect()).analysisOf(M);
        assertEquals(DeadMaster, a.analysis());
        assertEquals(3, a.countReplicasFailingToConnectToMaster());
        assertTrue(a.reason().contains("all 3 of its replicas fail to connect to it (IO errno 2003)"), a.reason());
    }

    @Test
    void deadMasterAndReplicasWhenNoReplicaAnswersEither() {
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.unreachable())
                .withReplicas(n -> n.unreachable()).analysisOf(M);
        assertEquals(DeadMasterAndReplicas, a.analysis());
        assertEquals(0, a.countValidReplicas());
        assertTrue(a.reason().contains(R1 + ", " + R2), a.reason());
    }

    @Test
    void deadMasterAndSomeReplicas() {
        ReplicationAnalysis a = masterWith(3).with(M, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect()).with(R3, n -> n.unreachable()).analysisOf(M);
        assertEquals(DeadMasterAndSomeReplicas, a.analysis());
        assertTrue(a.reason().contains("so is its replica " + R3 + ", and the other 2 replicas fail to connect"),
                a.reason());
        assertTrue(a.actionable());
    }

    @Test
    void unreachableMasterWithLaggingReplicas() {
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.unreachable())
                .withReplicas(n -> n.lagging(120)).analysisOf(M);
        assertEquals(UnreachableMasterWithLaggingReplicas, a.analysis());
        assertEquals(2, a.countLaggingReplicas());
        assertFalse(a.actionable());
    }

    @Test
    void laggingReplicasThatAreAllDelayedOnPurposeProveNothing() {
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.unreachable())
                .withReplicas(n -> n.lagging(3600).delayed(3600)).analysisOf(M);
        assertEquals(UnreachableMaster, a.analysis());
        assertEquals(2, a.countDelayedReplicas());
    }

    @Test
    void unreachableMasterWhenReplicasStoppedWithoutConnectionError() {
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.unreachable())
                .with(R1, n -> n.cannotConnect()).with(R2, n -> n.stopped()).analysisOf(M);
        assertEquals(UnreachableMaster, a.analysis());
        assertFalse(a.actionable());
        assertTrue(a.reason().contains(R2 + " (IO STOPPED, SQL STOPPED)"), a.reason());
        assertTrue(a.reason().contains("not confirmed dead"), a.reason());
    }

    @Test
    void aHangingProbeMakesTheMasterUnreachable() {
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.probeHanging())
                .withReplicas(n -> n.cannotConnect()).analysisOf(M);
        assertFalse(a.lastCheckValid());
        assertEquals(DeadMaster, a.analysis());
    }

    @Test
    void masterSingleReplicaNotReplicating() {
        assertEquals(MasterSingleReplicaNotReplicating,
                masterWith(1).with(R1, n -> n.stopped()).analysisOf(M).analysis());
    }

    @Test
    void masterSingleReplicaDead() {
        assertEquals(MasterSingleReplicaDead, masterWith(1).with(R1, n -> n.unreachable()).analysisOf(M).analysis());
    }

    @Test
    void allMasterReplicasNotReplicatingOrDead() {
        ReplicationAnalysis a = masterWith(3).withReplicas(n -> n.stopped())
                .with(R3, n -> n.unreachable()).analysisOf(M);
        assertEquals(AllMasterReplicasNotReplicatingOrDead, a.analysis());
        assertFalse(a.actionable());
    }

    @Test
    void masterWithoutReplicasOnlyWhenAsked() {
        assertEquals(NoProblem, masterWith(0).analysisOf(M).analysis());
        ReplicationAnalysis a = masterWith(0).analysisOf(M, AnalysisContext.at(NOW).reportingMastersWithoutReplicas());
        assertEquals(MasterWithoutReplicas, a.analysis());
        assertFalse(a.actionable());
    }

    @Test
    void lockedSemiSyncMasterHypothesisOnFirstSample() {
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.semiSync(lockedSemiSync())).analysisOf(M);
        assertEquals(LockedSemiSyncMasterHypothesis, a.analysis());
        assertFalse(a.actionable());
    }

    @Test
    void lockedSemiSyncMasterOnceTheBinlogStoodStillLongEnough() {
        AnalysisContext ctx = AnalysisContext.at(NOW).withThresholds(10, 30)
                .withBinlogUnchangedSince(Map.of(InstanceKey.parse(M), NOW.minusSeconds(45)));
        ReplicationAnalysis a = masterWith(2).with(M, n -> n.semiSync(lockedSemiSync())).analysisOf(M, ctx);
        assertEquals(LockedSemiSyncMaster, a.analysis());
        assertTrue(a.actionable());
        assertTrue(a.reason().contains("waits for 2 acknowledgement(s) but only 1"), a.reason());
    }

    @Test
    void lockedSemiSyncThresholdFallsBackToReasonableLag() {
        AnalysisContext ctx = AnalysisContext.at(NOW).withThresholds(60, 0)
                .withBinlogUnchangedSince(Map.of(InstanceKey.parse(M), NOW.minusSeconds(45)));
        assertEquals(LockedSemiSyncMasterHypothesis,
                masterWith(2).with(M, n -> n.semiSync(lockedSemiSync())).analysisOf(M, ctx).analysis());
    }

    /** MariaDB: built-in semi-sync has no wait count setting, so the probe reports 1; no replica acknowledges. */
    @Test
    void lockedSemiSyncMasterOnMariaDbWaitsForOneReplica() {
        SemiSyncState mariaDb = new SemiSyncState(true, false, true, false, 0, 1, 20_000L);
        AnalysisContext ctx = AnalysisContext.at(NOW).withThresholds(10, 3)
                .withBinlogUnchangedSince(Map.of(InstanceKey.parse(M), NOW.minusSeconds(4)));
        assertEquals(LockedSemiSyncMasterHypothesis,
                masterWith(2).with(M, n -> n.semiSync(mariaDb)).analysisOf(M).analysis());
        assertEquals(LockedSemiSyncMaster, masterWith(2).with(M, n -> n.semiSync(mariaDb)).analysisOf(M, ctx).analysis());
    }

    @Test
    void semiSyncMasterThatFellBackToAsyncIsNotLocked() {
        SemiSyncState fellBack = new SemiSyncState(true, false, false, false, 0, 1, 20_000L);
        assertEquals(NoProblem, masterWith(2).with(M, n -> n.semiSync(fellBack)).analysisOf(M).analysis());
    }

    @Test
    void tooManySemiSyncReplicasOnlyWhenExactReplicasAreEnforced() {
        SemiSyncState three = new SemiSyncState(true, false, true, false, 3, 2, 20_000L);
        assertEquals(NoProblem, masterWith(3).with(M, n -> n.semiSync(three)).analysisOf(M).analysis());
        ReplicationAnalysis a = masterWith(3).with(M, n -> n.semiSync(three))
                .analysisOf(M, AnalysisContext.at(NOW).enforcingExactSemiSyncReplicas(true));
        assertEquals(AnalysisCode.MasterWithTooManySemiSyncReplicas, a.analysis());
        assertTrue(a.actionable());
        SemiSyncState exact = new SemiSyncState(true, false, true, false, 2, 2, 20_000L);
        assertEquals(NoProblem, masterWith(3).with(M, n -> n.semiSync(exact))
                .analysisOf(M, AnalysisContext.at(NOW).enforcingExactSemiSyncReplicas(true)).analysis());
    }

    /** Semi-sync still on, waiting for two acknowledgements, only one semi-sync replica connected. */
    static SemiSyncState lockedSemiSync() {
        return new SemiSyncState(true, false, true, false, 1, 2, 86_400_000L);
    }
}
