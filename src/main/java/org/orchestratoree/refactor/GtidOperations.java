package org.orchestratoree.refactor;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orchestratoree.discovery.probe.ReplicationDialect;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ServerVersion;

/**
 * The statements that read and rewrite a server's GTID history, for the errant-GTID operations. They run on
 * {@link TopologyOperations}' connections, in the server's own dialect.
 */
final class GtidOperations {

    private final TopologyOperations operations;

    GtidOperations(TopologyOperations operations) {
        this.operations = operations;
    }

    boolean isMariaDb(InstanceKey key) {
        return operations.version(key).flavor() == Flavor.MARIADB;
    }

    /** MariaDB's {@code gtid_binlog_state}: the last GTID of every (domain, server id) in the binary log. */
    String binlogState(InstanceKey key) {
        return operations.single(key, "SELECT @@global.gtid_binlog_state");
    }

    /** MariaDB's {@code gtid_slave_pos}: where replication by slave_pos resumes, one GTID per domain. */
    String slavePos(InstanceKey key) {
        return operations.single(key, "SELECT @@global.gtid_slave_pos");
    }

    void setSlavePos(InstanceKey key, String position) {
        operations.execute(key, "SET GLOBAL gtid_slave_pos = " + ReplicationStatements.quote(position));
    }

    String executedGtidSet(InstanceKey key) {
        return operations.single(key, "SELECT @@global.gtid_executed");
    }

    String gtidPurged(InstanceKey key) {
        return operations.single(key, "SELECT @@global.gtid_purged");
    }

    /**
     * Deletes every binary log and the GTID history they carry: RESET MASTER, or its MySQL 8.2+ name (8.4 no
     * longer accepts the old one).
     */
    void resetBinaryLogs(InstanceKey key) {
        ServerVersion version = operations.version(key);
        boolean renamed = version.flavor() != Flavor.MARIADB && ReplicationDialect.atLeast(version.version(), 8, 2, 0);
        operations.execute(key, renamed ? "RESET BINARY LOGS AND GTIDS" : "RESET MASTER");
    }

    void setBinlogState(InstanceKey key, String state) {
        operations.execute(key, "SET GLOBAL gtid_binlog_state = " + ReplicationStatements.quote(state));
    }

    void setGtidPurged(InstanceKey key, String gtidSet) {
        operations.execute(key, "SET GLOBAL gtid_purged = " + ReplicationStatements.quote(gtidSet));
    }

    /** The server's binary logs, oldest first. */
    List<String> binaryLogs(InstanceKey key) {
        List<String> names = new ArrayList<>();
        for (Map<String, String> row : operations.query(key, "SHOW BINARY LOGS")) {
            names.add(caseInsensitive(row).getOrDefault("Log_name", ""));
        }
        return names;
    }

    /**
     * The GTID history at the start of a binary log, from its header event: MariaDB's Gtid_list (the binlog
     * state when the file was opened), MySQL's Previous_gtids (the set executed before it).
     */
    String gtidsBefore(InstanceKey key, String binlog) {
        String type = isMariaDb(key) ? "Gtid_list" : "Previous_gtids";
        for (Map<String, String> row : operations.query(key,
                "SHOW BINLOG EVENTS IN " + ReplicationStatements.quote(binlog) + " LIMIT 4")) {
            Map<String, String> event = caseInsensitive(row);
            if (type.equalsIgnoreCase(event.get("Event_type"))) {
                return event.getOrDefault("Info", "");
            }
        }
        return "";
    }

    /** Commits an empty transaction under the given GTID (MySQL), so that the server counts it as applied. */
    void injectEmptyTransaction(InstanceKey key, String gtid) {
        String next = "SET GTID_NEXT = " + ReplicationStatements.quote(gtid);
        operations.run(key, next, connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute(next);
                try {
                    s.execute("BEGIN");
                    s.execute("COMMIT");
                } finally {
                    s.execute("SET GTID_NEXT = 'AUTOMATIC'");
                }
            }
            return null;
        });
    }

    private static Map<String, String> caseInsensitive(Map<String, String> row) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.forEach((k, v) -> map.put(k, v == null ? "" : v));
        return map;
    }
}
