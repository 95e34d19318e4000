package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.analysis.StructureWarning.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.SemiSyncState;

class StructureWarningTest {

    private static final String M = "127.0.0.1:10111";
    private static final String R1 = "127.0.0.1:10112";
    private static final String MASTER_UUID = "3e11fa47-71ca-11e1-9e33-c80aa9010111";

    private static List<StructureWarning> warningsOf(TopologyFixture t) {
        return t.analysisOf(M).structureWarnings();
    }

    @Test
    void aHealthyGtidClusterHasNoWarningsAndIsNotReported() {
        TopologyFixture t = TopologyFixture.master(M).replicas(3);
        assertEquals(List.of(), warningsOf(t));
        assertEquals(List.of(), t.analyze());
    }

    @Test
    void noLoggingReplicas() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2)
                .withReplicas(n -> n.binlog(new BinlogSettings(true, false, "ROW", "FULL")));
        assertEquals(List.of(NoLoggingReplicasStructureWarning), warningsOf(t));
        ReplicationAnalysis reported = t.analyze().get(0);
        assertEquals(AnalysisCode.NoProblem, reported.analysis());
        assertEquals("NoLoggingReplicasStructureWarning", reported.analysisString());
    }

    @Test
    void noFailoverSupportWithoutGtidAutoPositioning() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2)
                .withReplicas(n -> n.gtid("ON", MASTER_UUID + ":1-1250", false));
        assertEquals(List.of(NoFailoverSupportStructureWarning), warningsOf(t));
    }

    @Test
    void mariaDbGtidReplicasCanBeRepointed() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.mariaDb())
                .withReplicas(n -> n.mariaDb());
        assertEquals(List.of(), warningsOf(t));
    }

    @Test
    void differentGtidModes() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(R1, n -> n.gtid("ON_PERMISSIVE",
                MASTER_UUID + ":1-1250", true));
        assertEquals(List.of(DifferentGTIDModesStructureWarning), warningsOf(t));
    }

    @Test
    void errantGtidOnAReplica() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(R1, n -> n.gtid("ON",
                MASTER_UUID + ":1-1250,\n3e11fa47-71ca-11e1-9e33-c80aa9010112:1-3", true));
        assertEquals(List.of(ErrantGTIDStructureWarning), warningsOf(t));
    }

    @Test
    void errantGtidBelowAnIntermediateMasterWarnsOnThatIntermediateMaster() {
        String below = "127.0.0.1:10120";
        TopologyFixture t = TopologyFixture.master(M).replicas(2).replica(below, R1).with(below, n -> n.gtid("ON",
                MASTER_UUID + ":1-1250,3e11fa47-71ca-11e1-9e33-c80aa9010120:1-2", true));
        assertEquals(List.of(ErrantGTIDStructureWarning), t.analysisOf(R1).structureWarnings());
        assertEquals(List.of(), warningsOf(t), "the master's direct replicas are clean");
    }

    @Test
    void aDowntimedErrantReplicaIsLeftOut() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(R1, n -> n.gtid("ON",
                MASTER_UUID + ":1-1250,\n3e11fa47-71ca-11e1-9e33-c80aa9010112:1-3", true));
        AnalysisContext ctx = AnalysisContext.at(TopologyFixture.NOW)
                .withDowntimed(java.util.Set.of(org.orchestratoree.topology.InstanceKey.parse(R1)));
        assertEquals(List.of(), t.analysisOf(M, ctx).structureWarnings());
    }

    @Test
    void aLaggingReplicaIsNotErrant() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(R1, n -> n.gtid("ON",
                MASTER_UUID + ":1-1100", true));
        assertEquals(List.of(), warningsOf(t));
    }

    @Test
    void noWriteableMaster() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.readOnly(true));
        assertEquals(List.of(NoWriteableMasterStructureWarning), warningsOf(t));
    }

    @Test
    void notEnoughValidSemiSyncReplicasWhenSemiSyncFellBackToAsync() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2)
                .with(M, n -> n.semiSync(new SemiSyncState(true, false, false, false, 0, 1, 10_000)));
        ReplicationAnalysis a = t.analysisOf(M);
        assertEquals(List.of(NotEnoughValidSemiSyncReplicasStructureWarning), a.structureWarnings());
        assertEquals(AnalysisCode.NoProblem, a.analysis(), "fallen back to async: writes go on, nothing locked");
    }

    @Test
    void warningsAccompanyAFailureCode() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect().binlog(new BinlogSettings(true, false, "ROW", "FULL")));
        ReplicationAnalysis a = t.analysisOf(M);
        assertEquals(AnalysisCode.DeadMaster, a.analysis());
        assertTrue(a.structureWarnings().contains(NoLoggingReplicasStructureWarning));
        assertEquals("DeadMaster, NoLoggingReplicasStructureWarning", a.analysisString());
    }
}
