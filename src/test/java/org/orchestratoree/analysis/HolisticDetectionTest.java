package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.analysis.TopologyFixture.NOW;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

/** The scenarios failure detection exists for, end to end through the analyzer. */
class HolisticDetectionTest {

    private static final String M = "127.0.0.1:10111";
    private static final String R1 = "127.0.0.1:10112";

    @Test
    void masterUnreachableWhileReplicasStillReplicateIsNotDead() {
        List<ReplicationAnalysis> found = TopologyFixture.master(M).replicas(3).with(M, n -> n.unreachable()).analyze();
        assertEquals(1, found.size());
        ReplicationAnalysis a = found.get(0);
        assertEquals(AnalysisCode.UnreachableMaster, a.analysis());
        assertFalse(a.actionable());
        assertEquals(3, a.countValidReplicatingReplicas());
        assertTrue(a.reason().startsWith("master " + M + " is unreachable but 3 replicas still replicate from it"),
                a.reason());
        assertTrue(a.reason().endsWith(": not dead"), a.reason());
    }

    @Test
    void masterUnreachableAndReplicasFailingToConnectIsDead() {
        TopologyFixture t = TopologyFixture.master(M).replicas(3).with(M, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect());
        ReplicationAnalysis a = t.analyze().get(0);
        assertEquals(AnalysisCode.DeadMaster, a.analysis());
        assertTrue(a.actionable());
        assertEquals("master 127.0.0.1:10111 is unreachable and all 3 of its replicas fail to connect to it"
                + " (IO errno 2003): 127.0.0.1:10112, 127.0.0.1:10113, 127.0.0.1:10114", a.reason());
        assertEquals(List.of(InstanceKey.parse(R1), InstanceKey.parse("127.0.0.1:10113"),
                InstanceKey.parse("127.0.0.1:10114")), a.replicas());
        assertTrue(a.isMaster());
        assertFalse(a.lastCheckValid());
        assertEquals(M, a.clusterName());
    }

    @Test
    void firstTierReplicasAlsoReportTheirOwnConnectionFailureAsOrchestratorDoes() {
        List<ReplicationAnalysis> found = TopologyFixture.master(M).replicas(2).with(M, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect()).analyze();
        assertEquals(List.of(AnalysisCode.DeadMaster, AnalysisCode.FirstTierReplicaFailingToConnectToMaster,
                AnalysisCode.FirstTierReplicaFailingToConnectToMaster),
                found.stream().map(ReplicationAnalysis::analysis).toList());
    }

    @Test
    void masterReachableButReplicaIoThreadsStopped() {
        ReplicationAnalysis a = TopologyFixture.master(M).replicas(3).withReplicas(n -> n.stopped()).analyze().get(0);
        assertEquals(AnalysisCode.AllMasterReplicasNotReplicating, a.analysis());
        assertFalse(a.actionable());
        assertTrue(a.lastCheckValid());
    }

    @Test
    void intermediateMasterDeadWithItsReplicasFailing() {
        String im = "127.0.0.1:10112";
        TopologyFixture t = TopologyFixture.master(M).replicas(2).replicasOf(im, 3)
                .with(im, n -> n.unreachable()).withReplicasOf(im, n -> n.cannotConnect());
        List<ReplicationAnalysis> found = t.analyze();
        assertEquals(1, found.size(), "the master still has a replicating replica: only the IM is reported");
        ReplicationAnalysis a = found.get(0);
        assertEquals(AnalysisCode.DeadIntermediateMaster, a.analysis());
        assertTrue(a.actionable());
        assertTrue(a.reason().contains("127.0.0.1:10114, 127.0.0.1:10115, 127.0.0.1:10116"), a.reason());
    }

    @Test
    void mysql84SourceWordingCountsAsFailingToConnect() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2)
                .with(M, n -> n.unreachable().version("8.4.3", "MySQL Community Server - GPL"))
                .withReplicas(n -> n.version("8.4.3", "MySQL Community Server - GPL").failingToConnect(1045,
                        "Error connecting to source 'repl@127.0.0.1:10111'. This was attempt 3/10, with a delay of"
                                + " 60 seconds between attempts. Message: Access denied for user 'repl'@'localhost'"));
        ReplicationAnalysis a = t.analysisOf(M);
        assertEquals(AnalysisCode.DeadMaster, a.analysis());
        assertEquals(2, a.countReplicasFailingToConnectToMaster());
    }

    @Test
    void mariaDbReconnectingWordingCountsAsFailingToConnect() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.mariaDb().unreachable())
                .withReplicas(n -> n.mariaDb().failingToConnect(0, "error reconnecting to master"
                        + " 'repl@127.0.0.1:10111' - retry-time: 60  maximum-retries: 100000"
                        + "  message: Lost connection"));
        ReplicationAnalysis a = t.analysisOf(M);
        assertEquals(AnalysisCode.DeadMaster, a.analysis());
        assertTrue(a.reason().contains("(IO error \"error reconnecting to master"), a.reason());
    }

    @Test
    void noProblemEntriesOnlyWhenAsked() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2);
        assertEquals(List.of(), t.analyze());
        List<ReplicationAnalysis> all = t.analyze(AnalysisContext.at(NOW).includingNoProblem());
        assertEquals(3, all.size());
        assertEquals(M, all.get(0).analyzedInstanceKey().toString(), "masters come first");
        assertTrue(all.stream().allMatch(a -> a.analysis() == AnalysisCode.NoProblem && !a.actionable()));
        assertEquals("master " + M + " is reachable and 2 of its 2 replicas replicate", all.get(0).reason());
    }

    @Test
    void downtimedMasterIsSkippedUnlessDowntimedAreIncluded() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect());
        AnalysisContext downtimed = AnalysisContext.at(NOW).withDowntimed(Set.of(InstanceKey.parse(M)));
        assertTrue(t.analyze(downtimed).stream().noneMatch(a -> a.analyzedInstanceKey().toString().equals(M)));
        ReplicationAnalysis a = t.analyze(downtimed.includingDowntimed()).get(0);
        assertTrue(a.isDowntimed());
        assertTrue(a.skippableDueToDowntime());
        assertEquals(AnalysisCode.DeadMaster, a.analysis());
    }

    @Test
    void replicaOnlyFindingIsSkippableWhenAllThoseReplicasAreDowntimed() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).withReplicas(n -> n.stopped());
        Set<InstanceKey> replicas = Set.of(InstanceKey.parse(R1), InstanceKey.parse("127.0.0.1:10113"));
        AnalysisContext ctx = AnalysisContext.at(NOW).withDowntimed(replicas);
        assertEquals(List.of(), t.analyze(ctx));
        ReplicationAnalysis a = t.analyze(ctx.includingDowntimed()).get(0);
        assertEquals(2, a.countDowntimedReplicas());
        assertFalse(a.isDowntimed());
    }

    @Test
    void clusterAliasDefaultsToTheClusterName() {
        TopologyFixture t = TopologyFixture.master(M).replicas(1);
        ReplicationAnalyzer analyzer = new ReplicationAnalyzer();
        AnalysisContext ctx = AnalysisContext.at(NOW).includingNoProblem();
        assertEquals(M, analyzer.analyze(t.view(), ctx).get(0).clusterAlias());
        assertEquals("orders", analyzer.analyze(t.view().withAlias("orders"), ctx).get(0).clusterAlias());
    }
}
