package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.discovery.probe.Rows.row;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.SemiSyncState;
import org.orchestratoree.topology.ServerVersion;

class ReplicationDialectTest {

    private static ReplicationDialect forVersion(String version, String comment) {
        return ReplicationDialect.forVersion(ServerVersion.of(version, comment));
    }

    @Test
    void choosesMariaDbByFlavor() {
        assertInstanceOf(MariaDbDialect.class, forVersion("10.11.19-MariaDB-0+deb12u1-log", "Debian 12"));
        assertInstanceOf(MariaDbDialect.class, forVersion("11.4.2-MariaDB", "mariadb.org binary distribution"));
        // MariaDB 10.x has a version number above 8.0.22 but must not get the MySQL 8 vocabulary
        assertInstanceOf(MariaDbDialect.class, forVersion("10.5.1-MariaDB", ""));
    }

    @Test
    void choosesMySqlByVersion() {
        assertInstanceOf(MySqlLegacyDialect.class, forVersion("5.7.44-log", "MySQL Community Server (GPL)"));
        assertInstanceOf(MySqlLegacyDialect.class, forVersion("8.0.21", "MySQL Community Server - GPL"));
        assertInstanceOf(MySqlModernDialect.class, forVersion("8.0.22", "MySQL Community Server - GPL"));
        assertInstanceOf(MySqlModernDialect.class, forVersion("8.4.3", "MySQL Community Server - GPL"));
        assertInstanceOf(MySqlModernDialect.class, forVersion("9.1.0", "MySQL Community Server - GPL"));
        assertInstanceOf(MySqlLegacyDialect.class, forVersion("8.0.20-11", "Percona Server (GPL), Release 11"));
        assertInstanceOf(MySqlModernDialect.class, forVersion("8.0.36-28", "Percona Server (GPL), Release 28"));
    }

    @Test
    void binaryLogStatusFrom82() {
        assertEquals("SHOW MASTER STATUS", forVersion("8.0.40", "MySQL").masterStatusQuery());
        assertEquals("SHOW MASTER STATUS", forVersion("8.1.0", "MySQL").masterStatusQuery());
        assertEquals("SHOW BINARY LOG STATUS", forVersion("8.2.0", "MySQL").masterStatusQuery());
        assertEquals("SHOW BINARY LOG STATUS", forVersion("8.4.3", "MySQL").masterStatusQuery());
    }

    @Test
    void versionComparison() {
        assertTrue(ReplicationDialect.atLeast("8.0.22", 8, 0, 22));
        assertTrue(ReplicationDialect.atLeast("8.0.22-debug", 8, 0, 22));
        assertFalse(ReplicationDialect.atLeast("8.0.9", 8, 0, 22));
        assertTrue(ReplicationDialect.atLeast("8.1", 8, 0, 22));
        assertFalse(ReplicationDialect.atLeast("5.7.44-log", 8, 0, 22));
        assertFalse(ReplicationDialect.atLeast("", 8, 0, 22));
    }

    @Test
    void binlogSettingsEitherVariableName() {
        ReplicationDialect d = new MySqlModernDialect(true);
        assertEquals(new BinlogSettings(true, true, "ROW", "FULL"), d.toBinlogSettings(row("log_bin", "ON",
                "log_replica_updates", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL")));
        assertEquals(new BinlogSettings(true, false, "MIXED", "MINIMAL"), new MySqlLegacyDialect().toBinlogSettings(
                row("log_bin", "ON", "log_slave_updates", "OFF", "binlog_format", "MIXED", "binlog_row_image", "MINIMAL")));
        assertEquals(new BinlogSettings(false, false, "", ""), d.toBinlogSettings(Map.of()));
    }

    @Test
    void semiSyncLegacyNames() {
        Map<String, String> variables = row("rpl_semi_sync_master_enabled", "ON", "rpl_semi_sync_slave_enabled", "OFF",
                "rpl_semi_sync_master_timeout", "10000", "rpl_semi_sync_master_wait_for_slave_count", "2");
        Map<String, String> status = row("Rpl_semi_sync_master_status", "ON", "Rpl_semi_sync_master_clients", "3",
                "Rpl_semi_sync_slave_status", "OFF", "Uptime", "50");
        assertEquals(new SemiSyncState(true, false, true, false, 3, 2, 10000),
                new MySqlLegacyDialect().toSemiSync(variables, status));
    }

    @Test
    void semiSyncSourceReplicaNames() {
        Map<String, String> variables = row("rpl_semi_sync_source_enabled", "OFF", "rpl_semi_sync_replica_enabled", "ON",
                "rpl_semi_sync_source_timeout", "5000", "rpl_semi_sync_source_wait_for_replica_count", "1");
        Map<String, String> status = row("Rpl_semi_sync_source_status", "OFF", "Rpl_semi_sync_replica_status", "ON",
                "Rpl_semi_sync_source_clients", "0");
        assertEquals(new SemiSyncState(false, true, false, true, 0, 1, 5000),
                new MySqlModernDialect(true).toSemiSync(variables, status));
    }

    @Test
    void semiSyncMariaDbAndAbsent() {
        Map<String, String> variables = row("rpl_semi_sync_master_enabled", "OFF", "rpl_semi_sync_slave_enabled", "OFF",
                "rpl_semi_sync_master_timeout", "10000");
        assertEquals(new SemiSyncState(false, false, false, false, 0, 1, 10000),
                new MariaDbDialect().toSemiSync(variables, Map.of()));
        assertEquals(SemiSyncState.NONE, new MySqlModernDialect(true).toSemiSync(Map.of(), row("Uptime", "1")));
    }

    @Test
    void selfCoordinates() {
        ReplicationDialect d = new MariaDbDialect();
        assertEquals(new BinlogCoordinates("mysql-bin.000001", 328), d.toSelfCoordinates(row("File",
                "mysql-bin.000001", "Position", "328", "Binlog_Do_DB", "", "Binlog_Ignore_DB", "")));
        assertEquals(BinlogCoordinates.NONE, d.toSelfCoordinates(Map.of()));
    }
}
