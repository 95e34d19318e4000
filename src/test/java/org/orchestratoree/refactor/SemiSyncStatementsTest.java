package org.orchestratoree.refactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ServerVersion;

/** The variable names are those each server family really has; the IO thread statements follow the version. */
class SemiSyncStatementsTest {

    private static final InstanceKey KEY = new InstanceKey("db-1.example.com", 3306);
    private static final Set<String> MARIADB = Set.of("rpl_semi_sync_master_enabled", "rpl_semi_sync_master_timeout",
            "rpl_semi_sync_master_wait_point", "rpl_semi_sync_slave_enabled", "rpl_semi_sync_slave_delay_master");
    /** MySQL 8.0.26+ with the semisync_source and semisync_replica plugins. */
    private static final Set<String> MYSQL_SOURCE = Set.of("rpl_semi_sync_source_enabled",
            "rpl_semi_sync_source_timeout", "rpl_semi_sync_source_wait_for_replica_count",
            "rpl_semi_sync_replica_enabled", "rpl_semi_sync_replica_trace_level");
    /** MySQL 5.7 / 8.0 with the old semisync_master and semisync_slave plugins. */
    private static final Set<String> MYSQL_MASTER = Set.of("rpl_semi_sync_master_enabled",
            "rpl_semi_sync_master_timeout", "rpl_semi_sync_master_wait_for_slave_count", "rpl_semi_sync_slave_enabled");

    private static ReplicationStatements replication(String version, String comment) {
        return ReplicationStatements.forVersion(ServerVersion.of(version, comment));
    }

    @Test
    void mariaDbMasterUsesTheBuiltInVariable() {
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_master_enabled = 1"), SemiSyncStatements.statements(
                SemiSyncCommand.Side.MASTER, true, MARIADB, false, replication("10.11.6-MariaDB", ""), KEY));
    }

    @Test
    void mariaDbReplicaRestartsItsIoThread() {
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_slave_enabled = 0", "STOP SLAVE IO_THREAD",
                "START SLAVE IO_THREAD"), SemiSyncStatements.statements(SemiSyncCommand.Side.REPLICA, false, MARIADB,
                true, replication("10.11.6-MariaDB", ""), KEY));
    }

    @Test
    void replicaWithoutARunningIoThreadIsNotStarted() {
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_slave_enabled = 1"), SemiSyncStatements.statements(
                SemiSyncCommand.Side.REPLICA, true, MARIADB, false, replication("10.11.6-MariaDB", ""), KEY));
    }

    @Test
    void mysqlSourceAndReplicaPluginsOn8036() {
        ReplicationStatements modern = replication("8.0.36", "MySQL Community Server - GPL");
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_source_enabled = 1"), SemiSyncStatements.statements(
                SemiSyncCommand.Side.MASTER, true, MYSQL_SOURCE, false, modern, KEY));
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_replica_enabled = 1", "STOP REPLICA IO_THREAD",
                "START REPLICA IO_THREAD"), SemiSyncStatements.statements(SemiSyncCommand.Side.REPLICA, true,
                MYSQL_SOURCE, true, modern, KEY));
    }

    @Test
    void mysql8036WithTheOldMasterAndSlavePlugins() {
        ReplicationStatements modern = replication("8.0.36", "MySQL Community Server - GPL");
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_master_enabled = 0"), SemiSyncStatements.statements(
                SemiSyncCommand.Side.MASTER, false, MYSQL_MASTER, false, modern, KEY));
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_slave_enabled = 0", "STOP REPLICA IO_THREAD",
                "START REPLICA IO_THREAD"), SemiSyncStatements.statements(SemiSyncCommand.Side.REPLICA, false,
                MYSQL_MASTER, true, modern, KEY));
    }

    @Test
    void mysql57Plugins() {
        ReplicationStatements classic = replication("5.7.44-log", "MySQL Community Server (GPL)");
        assertEquals(List.of("SET GLOBAL rpl_semi_sync_slave_enabled = 1", "STOP SLAVE IO_THREAD",
                "START SLAVE IO_THREAD"), SemiSyncStatements.statements(SemiSyncCommand.Side.REPLICA, true,
                MYSQL_MASTER, true, classic, KEY));
    }

    @Test
    void variableNamesAreMatchedWhateverTheirCase() {
        assertEquals("rpl_semi_sync_source_enabled", SemiSyncStatements.enabledVariable(SemiSyncCommand.Side.MASTER,
                Set.of("RPL_SEMI_SYNC_SOURCE_ENABLED"), KEY));
    }

    @Test
    void noPluginLoadedIsRefusedNamingTheServerAndThePlugins() {
        TopologyOperationException e = assertThrows(TopologyOperationException.class, () ->
                SemiSyncStatements.statements(SemiSyncCommand.Side.REPLICA, true, Set.of("rpl_semi_sync_source_enabled"),
                        true, replication("8.0.36", ""), KEY));
        assertTrue(e.getMessage().startsWith(KEY + ": semi-sync replica is not available"), e.getMessage());
        assertTrue(e.getMessage().contains("semisync_replica or semisync_slave"), e.getMessage());
    }
}
