package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationRuleTest {

    private static final GtidState MYSQL_GTID = new GtidState("ON", "u:1-5", "", true, true, false, "", "", "");
    private static final GtidState MARIADB_GTID = new GtidState("", "", "", false, false, true, "0-1-5", "0-1-5", "0-1-5");

    static InstanceSnapshot server(String key, String version, String comment, boolean logBin, boolean replicaUpdates,
                                   ReplicaStatus replication, GtidState gtid) {
        return new InstanceSnapshot(InstanceKey.parse(key), 1, "", ServerVersion.of(version, comment), true,
                new BinlogSettings(logBin, replicaUpdates, "ROW", "FULL"), BinlogCoordinates.NONE, replication, gtid,
                SemiSyncState.NONE, List.of(), 1, Location.UNKNOWN, "");
    }

    static InstanceSnapshot mariaDb(String key, String master) {
        return server(key, "10.11.6-MariaDB-log", "MariaDB Server", true, true,
                master == null ? null : TestInstances.replicating(master, 0L), MARIADB_GTID);
    }

    static InstanceSnapshot mysql(String key, String version, String master) {
        return server(key, version, "MySQL Community Server - GPL", true, true,
                master == null ? null : TestInstances.replicating(master, 0L), MYSQL_GTID);
    }

    @Test
    void siblingsWithBinlogsAndReplicaUpdatesMayReplicateFromEachOther() {
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mariaDb("h:2", "h:1"), mariaDb("h:3", "h:1"));
        assertTrue(v.allowed(), v.explanation());
        assertTrue(ReplicationRule.canReplicateFrom(mysql("h:2", "8.0.36", "h:1"), mysql("h:1", "8.0.36", null))
                .allowed());
    }

    @Test
    void refusesItself() {
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mariaDb("h:2", "h:1"), mariaDb("h:2", "h:1"));
        assertEquals(List.of("h:2 cannot replicate from itself"), v.reasons());
    }

    @Test
    void masterNeedsBinaryLogs() {
        InstanceSnapshot noBinlog = server("h:1", "8.0.36", "", false, false, null, MYSQL_GTID);
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mysql("h:2", "8.0.36", "h:9"), noBinlog);
        assertFalse(v.allowed());
        assertTrue(v.explanation().contains("h:1 does not have binary logs enabled (log_bin)"), v.explanation());
    }

    @Test
    void intermediateMasterNeedsLogSlaveUpdates() {
        InstanceSnapshot noUpdates = server("h:3", "10.11.6-MariaDB", "", true, false,
                TestInstances.replicating("h:1", 0L), MARIADB_GTID);
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mariaDb("h:2", "h:1"), noUpdates);
        assertEquals(List.of("h:3 is a replica without log_slave_updates"), v.reasons());
        // a master needs no log_slave_updates
        InstanceSnapshot master = server("h:1", "10.11.6-MariaDB", "", true, false, null, MARIADB_GTID);
        assertTrue(ReplicationRule.canReplicateFrom(mariaDb("h:2", "h:1"), master).allowed());
    }

    @Test
    void masterMayNotBeNewerThanTheReplica() {
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mysql("h:2", "5.7.44-log", "h:1"),
                mysql("h:1", "8.0.36", null));
        assertEquals(List.of("h:1 runs 8.0.36, newer than h:2's 5.7.44-log"), v.reasons());
        assertTrue(ReplicationRule.canReplicateFrom(mysql("h:2", "8.4.0", "h:1"), mysql("h:1", "8.0.36", null))
                .allowed(), "an older master is fine");
        assertTrue(ReplicationRule.canReplicateFrom(mysql("h:2", "8.0.20", "h:1"), mysql("h:1", "8.0.36", null))
                .allowed(), "patch releases of one major version are fine");
    }

    @Test
    void gtidFlavorsMustMatch() {
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mysql("h:2", "10.0.1", "h:1"), mariaDb("h:1", null));
        assertTrue(v.explanation().contains("use different GTID flavors (MySQL GTID vs MariaDB GTID)"),
                v.explanation());
    }

    @Test
    void mysqlNeedsGtidModeOnBothEnds() {
        GtidState off = new GtidState("OFF", "", "", false, false, false, "", "", "");
        InstanceSnapshot master = server("h:1", "8.0.36", "", true, true, null, off);
        ReplicationVerdict v = ReplicationRule.canReplicateFrom(mysql("h:2", "8.0.36", "h:1"), master);
        assertEquals(List.of("h:1 does not have gtid_mode=ON (OFF)"), v.reasons());
    }

    @Test
    void reportsEveryReason() {
        InstanceSnapshot bad = server("h:3", "11.4.2-MariaDB", "", false, false,
                TestInstances.replicating("h:1", 0L), MARIADB_GTID);
        assertEquals(3, ReplicationRule.canReplicateFrom(mariaDb("h:2", "h:1"), bad).reasons().size());
    }
}
