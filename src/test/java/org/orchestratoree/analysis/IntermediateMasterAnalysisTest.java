package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.analysis.AnalysisCode.*;

import org.junit.jupiter.api.Test;

/** Master 10111 with replicas 10112 and 10113; 10112 is an intermediate master over 10114 and up. */
class IntermediateMasterAnalysisTest {

    private static final String M = "127.0.0.1:10111";
    private static final String IM = "127.0.0.1:10112";
    private static final String FIRST_TIER = "127.0.0.1:10113";
    private static final String LEAF = "127.0.0.1:10114";

    private static TopologyFixture intermediateWith(int replicas) {
        return TopologyFixture.master(M).replicas(2).replicasOf(IM, replicas);
    }

    private static AnalysisCode codeOf(TopologyFixture t, String key) {
        return t.analysisOf(key).analysis();
    }

    @Test
    void deadIntermediateMasterWithSingleReplicaFailingToConnect() {
        TopologyFixture t = intermediateWith(1).with(IM, n -> n.unreachable())
                .withReplicasOf(IM, n -> n.cannotConnect());
        assertEquals(DeadIntermediateMasterWithSingleReplicaFailingToConnect, codeOf(t, IM));
    }

    @Test
    void deadIntermediateMasterWithSingleReplica() {
        TopologyFixture t = intermediateWith(1).with(IM, n -> n.unreachable()).withReplicasOf(IM, n -> n.stopped());
        ReplicationAnalysis a = t.analysisOf(IM);
        assertEquals(DeadIntermediateMasterWithSingleReplica, a.analysis());
        assertTrue(a.reason().contains("without a connection error"), a.reason());
    }

    @Test
    void deadIntermediateMasterAndSomeReplicas() {
        TopologyFixture t = intermediateWith(3).with(IM, n -> n.unreachable())
                .withReplicasOf(IM, n -> n.cannotConnect()).with(LEAF, n -> n.unreachable());
        assertEquals(DeadIntermediateMasterAndSomeReplicas, codeOf(t, IM));
    }

    @Test
    void deadIntermediateMasterAndReplicas() {
        TopologyFixture t = intermediateWith(2).with(IM, n -> n.unreachable()).withReplicasOf(IM, n -> n.unreachable());
        assertEquals(DeadIntermediateMasterAndReplicas, codeOf(t, IM));
    }

    @Test
    void unreachableIntermediateMasterWithLaggingReplicas() {
        TopologyFixture t = intermediateWith(2).with(IM, n -> n.unreachable()).withReplicasOf(IM, n -> n.lagging(300));
        ReplicationAnalysis a = t.analysisOf(IM);
        assertEquals(UnreachableIntermediateMasterWithLaggingReplicas, a.analysis());
        assertFalse(a.actionable());
    }

    @Test
    void unreachableIntermediateMaster() {
        TopologyFixture t = intermediateWith(2).with(IM, n -> n.unreachable());
        ReplicationAnalysis a = t.analysisOf(IM);
        assertEquals(UnreachableIntermediateMaster, a.analysis());
        assertEquals(M, a.analyzedInstanceMasterKey().toString());
        assertEquals(1, a.replicationDepth());
    }

    @Test
    void allIntermediateMasterReplicasFailingToConnectOrDead() {
        TopologyFixture t = intermediateWith(3).withReplicasOf(IM, n -> n.cannotConnect())
                .with(LEAF, n -> n.unreachable());
        ReplicationAnalysis a = t.analysisOf(IM);
        assertEquals(AllIntermediateMasterReplicasFailingToConnectOrDead, a.analysis());
        assertTrue(a.reason().contains(LEAF + " is unreachable"), a.reason());
    }

    @Test
    void aSingleFailingReplicaIsNotEnoughForFailingToConnectOrDead() {
        TopologyFixture t = intermediateWith(1).withReplicasOf(IM, n -> n.cannotConnect());
        assertEquals(AllIntermediateMasterReplicasNotReplicating, codeOf(t, IM));
    }

    @Test
    void allIntermediateMasterReplicasNotReplicating() {
        TopologyFixture t = intermediateWith(2).withReplicasOf(IM, n -> n.stopped());
        ReplicationAnalysis a = t.analysisOf(IM);
        assertEquals(AllIntermediateMasterReplicasNotReplicating, a.analysis());
        assertFalse(a.actionable());
    }

    @Test
    void firstTierReplicaFailingToConnectToMaster() {
        TopologyFixture t = intermediateWith(1).with(FIRST_TIER, n -> n.cannotConnect());
        ReplicationAnalysis a = t.analysisOf(FIRST_TIER);
        assertEquals(FirstTierReplicaFailingToConnectToMaster, a.analysis());
        assertTrue(a.isFailingToConnectToMaster());
        assertFalse(a.actionable());
        assertEquals(NoProblem, codeOf(t, M), "one replica out of two says little about the master");
    }

    @Test
    void deeperLeavesFailingToConnectAreNotReportedForThemselves() {
        TopologyFixture t = intermediateWith(2).with(LEAF, n -> n.cannotConnect());
        assertEquals(NoProblem, codeOf(t, LEAF));
    }

    @Test
    void binlogServerFailingToConnectToMaster() {
        TopologyFixture t = intermediateWith(1).with(FIRST_TIER,
                n -> n.version("8.0.30-maxscale", "MariaDB MaxScale binlog router").cannotConnect());
        ReplicationAnalysis a = t.analysisOf(FIRST_TIER);
        assertEquals(BinlogServerFailingToConnectToMaster, a.analysis());
        assertTrue(a.isBinlogServer());
    }
}
