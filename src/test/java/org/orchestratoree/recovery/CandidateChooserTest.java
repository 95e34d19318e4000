package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.ClusterPlacement;
import org.orchestratoree.topology.ErrantGtidRule;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.Location;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;
import org.orchestratoree.topology.SemiSyncState;
import org.orchestratoree.topology.ServerVersion;

class CandidateChooserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final InstanceKey MASTER = InstanceKey.parse("db1:3306");
    private final CandidateChooser chooser = new CandidateChooser();

    private static Instance instance(String key, InstanceKey master, String dc, long execPos, boolean valid,
                                     boolean logBin, Long lag) {
        return instance(key, master, dc, execPos, valid, logBin, lag, GtidState.NONE, 1);
    }

    private static Instance instance(String key, InstanceKey master, String dc, long execPos, boolean valid,
                                     boolean logBin, Long lag, GtidState gtid, long serverId) {
        ReplicaStatus replication = master == null ? null : new ReplicaStatus(master, "",
                ReplicationThreadState.OTHER, ReplicationThreadState.RUNNING, 2003, "error connecting to master", 0, "",
                lag, 0, new BinlogCoordinates("mysql-bin.000003", execPos),
                new BinlogCoordinates("mysql-bin.000003", execPos), new BinlogCoordinates("relay.000002", 100), true,
                "", false);
        InstanceSnapshot s = new InstanceSnapshot(InstanceKey.parse(key), serverId, "",
                ServerVersion.of("10.11.6-MariaDB", ""), master != null, new BinlogSettings(logBin, true, "ROW", "FULL"),
                BinlogCoordinates.NONE, replication, gtid, SemiSyncState.NONE, List.of(), 100, new Location(dc, dc.isEmpty() ? "" : "eu", ""), "");
        return new Instance(s, new ClusterPlacement("db1:3306", master == null ? 0 : 1, false),
                new CheckTimes(NOW, valid ? NOW : NOW.minusSeconds(10), NOW, valid, 3));
    }

    private final Instance master = instance("db1:3306", null, "dc1", 0, false, true, null);

    @Test
    void theMostAdvancedReplicaWinsAmongEquals() {
        List<Instance> replicas = List.of(instance("db2:3306", MASTER, "dc1", 500, true, true, 0L),
                instance("db3:3306", MASTER, "dc1", 900, true, true, 0L),
                instance("db4:3306", MASTER, "dc1", 700, true, true, 0L));
        assertEquals("db3:3306", chooser.choose(master, replicas, Map.of(), PromotionConstraints.NONE)
                .candidate().orElseThrow().key().toString());
    }

    @Test
    void aPreferCandidateWinsAndMustNotNeverDoes() {
        List<Instance> replicas = List.of(instance("db2:3306", MASTER, "dc1", 900, true, true, 0L),
                instance("db3:3306", MASTER, "dc1", 500, true, true, 0L));
        Map<InstanceKey, PromotionRule> rules = Map.of(InstanceKey.parse("db3:3306"), PromotionRule.PREFER);
        assertEquals("db3:3306", chooser.choose(master, replicas, rules, PromotionConstraints.NONE)
                .candidate().orElseThrow().key().toString());
        CandidateChoice none = chooser.choose(master, replicas.subList(0, 1),
                Map.of(InstanceKey.parse("db2:3306"), PromotionRule.MUST_NOT), PromotionConstraints.NONE);
        assertTrue(none.candidate().isEmpty());
        assertTrue(none.skipped().get(0).contains("must_not"), none.skipped().toString());
    }

    @Test
    void crossDataCenterCandidatesAreSkippedWhenPrevented() {
        List<Instance> replicas = List.of(instance("db2:3306", MASTER, "dc2", 900, true, true, 0L),
                instance("db3:3306", MASTER, "dc1", 500, true, true, 0L));
        PromotionConstraints sameDc = new PromotionConstraints(true, false, 0);
        CandidateChoice choice = chooser.choose(master, replicas, Map.of(), sameDc);
        assertEquals("db3:3306", choice.candidate().orElseThrow().key().toString());
        assertTrue(choice.skipped().get(0).contains("PreventCrossDataCenterMasterFailover"));
        assertEquals("db2:3306", chooser.choose(master, replicas, Map.of(), PromotionConstraints.NONE)
                .candidate().orElseThrow().key().toString());
    }

    @Test
    void unreachableUnloggedAndLaggingReplicasAreSkipped() {
        List<Instance> replicas = List.of(instance("db2:3306", MASTER, "dc1", 900, false, true, 0L),
                instance("db3:3306", MASTER, "dc1", 900, true, false, 0L),
                instance("db4:3306", MASTER, "dc1", 900, true, true, 3600L),
                instance("db5:3306", MASTER, "dc1", 100, true, true, 1L));
        CandidateChoice choice = chooser.choose(master, replicas, Map.of(), new PromotionConstraints(false, false, 10));
        assertEquals("db5:3306", choice.candidate().orElseThrow().key().toString());
        assertEquals(3, choice.skipped().size(), choice.skipped().toString());
    }

    @Test
    void aReplicaWithErrantGtidsIsChosenOnlyAfterCleanOnes() {
        GtidState masterState = mariaDb("0-1-500", "0-1-500");
        GtidState clean = mariaDb("0-1-500", "0-1-500");
        // db3 wrote 1-3-7 itself: a domain and server its master never had
        GtidState errant = mariaDb("1-3-7", "0-1-500,1-3-7");
        Instance deadMaster = instance("db1:3306", null, "dc1", 0, false, true, null, masterState, 1);
        List<Instance> replicas = List.of(
                withLineage(instance("db2:3306", MASTER, "dc1", 500, true, true, 0L, clean, 2), deadMaster),
                withLineage(instance("db3:3306", MASTER, "dc1", 900, true, true, 0L, errant, 3), deadMaster));
        assertEquals("db2:3306", chooser.choose(deadMaster, replicas, Map.of(), PromotionConstraints.NONE)
                .candidate().orElseThrow().key().toString());
        assertTrue(CandidateChooser.hasErrantGtids(replicas.get(1)));
        assertTrue(!CandidateChooser.hasErrantGtids(replicas.get(0)));
    }

    @Test
    void anErrantReplicaIsStillChosenWhenNoCleanOneQualifies() {
        Instance deadMaster = instance("db1:3306", null, "dc1", 0, false, true, null, mariaDb("0-1-500", "0-1-500"), 1);
        List<Instance> replicas = List.of(
                withLineage(instance("db2:3306", MASTER, "dc1", 500, false, true, 0L, mariaDb("0-1-500", "0-1-500"), 2),
                        deadMaster),
                withLineage(instance("db3:3306", MASTER, "dc1", 900, true, true, 0L,
                        mariaDb("0-3-501", "0-1-500,0-3-501"), 3), deadMaster));
        assertEquals("db3:3306", chooser.choose(deadMaster, replicas, Map.of(), PromotionConstraints.NONE)
                .candidate().orElseThrow().key().toString());
    }

    private static GtidState mariaDb(String binlogPos, String binlogState) {
        return new GtidState("", "", "", false, false, true, binlogPos, "0-1-500", binlogPos, binlogState);
    }

    /** The lineage discovery works out when it probes the replica, with the master as the backend has it. */
    private static Instance withLineage(Instance replica, Instance master) {
        return new Instance(replica.snapshot(), replica.placement(), replica.checks(),
                ErrantGtidRule.lineageOf(replica.snapshot(), Optional.of(master), false));
    }
}
