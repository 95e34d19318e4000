package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrantGtidRuleTest {

    private static final String M = "00000000-0000-0000-0000-000000000001";
    private static final String R = "00000000-0000-0000-0000-000000000002";
    private static final String S = "00000000-0000-0000-0000-000000000003";
    private static final String OLD = "00000000-0000-0000-0000-000000000009";

    @Test
    void mySqlReplicaWritesOfItsOwnAreErrant() {
        assertEquals(R + ":1-3", ErrantGtidRule.mySqlErrant(M + ":1-100," + R + ":1-3", M + ":1-100", Set.of(M), R, M,
                false));
    }

    @Test
    void mySqlMasterTransactionsBeyondAStaleMasterSnapshotAreNotErrant() {
        assertEquals("", ErrantGtidRule.mySqlErrant(M + ":1-120", M + ":1-100", Set.of(M), R, M, false));
    }

    @Test
    void mySqlIntervalsAreSubtractedExactly() {
        // the master applied R's 1-5 and 9 while R was its master; R then wrote 6-8 and 10-12 on its own
        assertEquals(R + ":6-8:10-12", ErrantGtidRule.mySqlErrant(OLD + ":1-50," + R + ":1-12",
                M + ":1-7," + OLD + ":1-50," + R + ":1-5:9", Set.of(M), R, M, false));
    }

    @Test
    void mySqlTransactionsOfAServerNoLongerAboveCountAgainstTheMaster() {
        assertEquals(OLD + ":41-50", ErrantGtidRule.mySqlErrant(OLD + ":1-50", S + ":1-3," + OLD + ":1-40",
                Set.of(S), R, S, false));
    }

    @Test
    void mySqlCoMastersDoNotCountTheirOwnWrites() {
        assertEquals("", ErrantGtidRule.mySqlErrant(M + ":1-100," + R + ":1-3", M + ":1-100", Set.of(M), R, M, true));
    }

    @Test
    void mySqlWithoutGtidOnEitherSideNothingCanBeTold() {
        assertEquals("", ErrantGtidRule.mySqlErrant("", M + ":1-100", Set.of(M), R, M, false));
        assertEquals("", ErrantGtidRule.mySqlErrant(R + ":1", "", Set.of(M), R, M, false));
    }

    @Test
    void mariaDbAWriteWithTheReplicasServerIdIsErrant() {
        // gtid_binlog_pos of the replica would read 0-12-18 alone: the state keeps the master's pair too
        assertEquals("0-12-18", ErrantGtidRule.mariaDbErrant("0-11-15,0-12-18", "0-11-15", Set.of(11L), 12, false));
    }

    @Test
    void mariaDbALaggingOrStaleComparisonIsNotErrant() {
        assertEquals("", ErrantGtidRule.mariaDbErrant("0-11-10", "0-11-15", Set.of(11L), 12, false));
        assertEquals("", ErrantGtidRule.mariaDbErrant("0-11-30", "0-11-15", Set.of(11L), 12, false));
    }

    @Test
    void mariaDbOwnTransactionsTheMasterAlreadyHasAreNotErrant() {
        // the replica was master once; the current master replicated all of it
        assertEquals("", ErrantGtidRule.mariaDbErrant("0-12-50,0-11-90", "0-12-50,0-11-90", Set.of(11L), 12, false));
        // ... but not its last ten transactions, lost in the failover
        assertEquals("0-12-60", ErrantGtidRule.mariaDbErrant("0-12-60,0-11-90", "0-12-50,0-11-90", Set.of(11L), 12,
                false));
    }

    @Test
    void mariaDbAWriteInAnotherDomainIsErrant() {
        assertEquals("7-12-2", ErrantGtidRule.mariaDbErrant("0-11-15,7-12-2", "0-11-15", Set.of(11L), 12, false));
    }

    @Test
    void lineageFollowsTheChainAndKeepsErrantsAfterARelocationBelowASibling() {
        Instance master = instance(snapshot("m:1", 11, "0-11-15", null), GtidLineage.NONE);
        Instance sibling = instance(snapshot("s:1", 13, "0-11-15", "m:1"),
                ErrantGtidRule.lineageOf(snapshot("s:1", 13, "0-11-15", "m:1"), Optional.of(master), false));
        InstanceSnapshot errantBelowSibling = snapshot("r:1", 12, "0-11-15,0-12-18", "s:1");
        GtidLineage lineage = ErrantGtidRule.lineageOf(errantBelowSibling, Optional.of(sibling), false);
        assertEquals(List.of(13L, 11L), lineage.ancestorServerIds());
        assertEquals("0-12-18", lineage.errant());
    }

    @Test
    void aCoMasterChainStaysFinite() {
        Instance a = instance(snapshot("a:1", 1, "0-1-5", "b:1"), new GtidLineage(List.of(), List.of(2L, 1L), ""));
        GtidLineage b = ErrantGtidRule.lineageOf(snapshot("b:1", 2, "0-1-5", "a:1"), Optional.of(a), true);
        assertEquals(List.of(1L, 2L), b.ancestorServerIds());
        assertEquals("", b.errant());
    }

    @Test
    void noMasterKnownNothingCanBeTold() {
        assertTrue(ErrantGtidRule.lineageOf(snapshot("r:1", 12, "0-12-1", "m:1"), Optional.empty(), false)
                .errant().isEmpty());
    }

    private static Instance instance(InstanceSnapshot s, GtidLineage lineage) {
        Instant now = Instant.now();
        return new Instance(s, ClusterPlacement.headOf(s.key()), new CheckTimes(now, now, now, true, 1), lineage);
    }

    private static InstanceSnapshot snapshot(String key, long serverId, String binlogState, String master) {
        ReplicaStatus replication = master == null ? null : new ReplicaStatus(InstanceKey.parse(master), "",
                ReplicationThreadState.RUNNING, ReplicationThreadState.RUNNING, 0, "", 0, "", 0L, 0,
                BinlogCoordinates.NONE, BinlogCoordinates.NONE, BinlogCoordinates.NONE, true, "", false);
        GtidState gtid = new GtidState("", "", "", false, false, master != null, binlogState, "", binlogState,
                binlogState);
        return new InstanceSnapshot(InstanceKey.parse(key), serverId, "", ServerVersion.of("10.11.6-MariaDB", ""),
                master != null, new BinlogSettings(true, true, "ROW", "FULL"), BinlogCoordinates.NONE, replication,
                gtid, SemiSyncState.NONE, List.of(), 10, Location.UNKNOWN, "");
    }
}
