package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoWriteableMasterTest {

    private static final String M = "127.0.0.1:10111";
    private static final AnalysisContext RECOVERING = AnalysisContext.at(TopologyFixture.NOW)
            .recoveringNonWriteableMaster(true);

    @Test
    void aReadOnlyMasterWithReplicatingReplicasIsNoWriteableMasterWhenItIsToBeRecovered() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.readOnly(true));
        ReplicationAnalysis a = t.analysisOf(M, RECOVERING);
        assertEquals(AnalysisCode.NoWriteableMaster, a.analysis());
        assertTrue(a.actionable());
        assertEquals(List.of(StructureWarning.NoWriteableMasterStructureWarning), a.structureWarnings());
        assertTrue(a.reason().contains("is read_only while 2 replicas replicate"), a.reason());
    }

    @Test
    void withoutRecoverNonWriteableMasterOnlyTheStructureWarningIsReported() {
        TopologyFixture t = TopologyFixture.master(M).replicas(2).with(M, n -> n.readOnly(true));
        ReplicationAnalysis a = t.analysisOf(M);
        assertEquals(AnalysisCode.NoProblem, a.analysis());
        assertFalse(a.actionable());
        assertEquals(List.of(StructureWarning.NoWriteableMasterStructureWarning), a.structureWarnings());
    }

    @Test
    void aWritableMasterOrOneWhoseReplicasDoNotReplicateIsNotNoWriteableMaster() {
        assertEquals(AnalysisCode.NoProblem, TopologyFixture.master(M).replicas(2).analysisOf(M, RECOVERING).analysis());
        TopologyFixture stopped = TopologyFixture.master(M).replicas(2).with(M, n -> n.readOnly(true))
                .withReplicas(FixtureNode::stopped);
        assertEquals(AnalysisCode.AllMasterReplicasNotReplicating, stopped.analysisOf(M, RECOVERING).analysis());
    }
}
