package org.orchestratoree.discovery.probe;

import org.orchestratoree.topology.SemiSyncState;

/**
 * Reads semi-sync from either naming: rpl_semi_sync_master/slave (MariaDB, MySQL plugins before 8.0.26)
 * or rpl_semi_sync_source/replica (MySQL 8.0.26+ plugins). Whichever plugin is loaded answers.
 */
final class SemiSyncMapper {

    private SemiSyncMapper() {
    }

    static SemiSyncState map(Row variables, Row status) {
        boolean masterPluginPresent = variables.has("rpl_semi_sync_source_enabled")
                || variables.has("rpl_semi_sync_master_enabled");
        // MariaDB has no wait count: it always waits for one replica
        long defaultWaitCount = masterPluginPresent ? 1 : 0;
        return new SemiSyncState(
                either(variables, "rpl_semi_sync_source_enabled", "rpl_semi_sync_master_enabled"),
                either(variables, "rpl_semi_sync_replica_enabled", "rpl_semi_sync_slave_enabled"),
                either(status, "Rpl_semi_sync_source_status", "Rpl_semi_sync_master_status"),
                either(status, "Rpl_semi_sync_replica_status", "Rpl_semi_sync_slave_status"),
                number(status, "Rpl_semi_sync_source_clients", "Rpl_semi_sync_master_clients", 0),
                number(variables, "rpl_semi_sync_source_wait_for_replica_count",
                        "rpl_semi_sync_master_wait_for_slave_count", defaultWaitCount),
                number(variables, "rpl_semi_sync_source_timeout", "rpl_semi_sync_master_timeout", 0));
    }

    private static boolean either(Row row, String modern, String legacy) {
        return row.has(modern) ? row.flag(modern) : row.flag(legacy);
    }

    private static long number(Row row, String modern, String legacy, long absent) {
        return row.has(modern) ? row.number(modern, absent) : row.number(legacy, absent);
    }
}
