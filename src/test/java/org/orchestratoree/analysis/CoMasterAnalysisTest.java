package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.analysis.AnalysisCode.AllCoMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.DeadCoMaster;
import static org.orchestratoree.analysis.AnalysisCode.DeadCoMasterAndSomeReplicas;
import static org.orchestratoree.analysis.AnalysisCode.UnreachableCoMaster;

import org.junit.jupiter.api.Test;

/** 10111 and 10112 replicate from each other; 10113 and 10114 hang off 10111. */
class CoMasterAnalysisTest {

    private static final String A = "127.0.0.1:10111";
    private static final String B = "127.0.0.1:10112";
    private static final String LEAF = "127.0.0.1:10114";

    private static TopologyFixture coMasters() {
        return TopologyFixture.master(A).replicas(3).coMaster(B);
    }

    @Test
    void deadCoMasterWhenAllItsReplicasIncludingThePeerFailToConnect() {
        ReplicationAnalysis a = coMasters().with(A, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect()).analysisOf(A);
        assertEquals(DeadCoMaster, a.analysis());
        assertTrue(a.isCoMaster());
        assertFalse(a.isMaster());
        assertTrue(a.actionable());
        assertTrue(a.reason().contains(B), a.reason());
    }

    @Test
    void deadCoMasterAndSomeReplicas() {
        ReplicationAnalysis a = coMasters().with(A, n -> n.unreachable())
                .withReplicas(n -> n.cannotConnect()).with(LEAF, n -> n.unreachable()).analysisOf(A);
        assertEquals(DeadCoMasterAndSomeReplicas, a.analysis());
    }

    @Test
    void unreachableCoMasterWhileItsReplicasReplicate() {
        ReplicationAnalysis a = coMasters().with(A, n -> n.unreachable()).analysisOf(A);
        assertEquals(UnreachableCoMaster, a.analysis());
        assertFalse(a.actionable());
        assertTrue(a.reason().contains("still replicate"), a.reason());
    }

    @Test
    void allCoMasterReplicasNotReplicatingSeenFromThePeer() {
        ReplicationAnalysis a = coMasters().with(A, n -> n.stopped()).analysisOf(B);
        assertEquals(AllCoMasterReplicasNotReplicating, a.analysis());
        assertEquals(1, a.countReplicas());
    }
}
