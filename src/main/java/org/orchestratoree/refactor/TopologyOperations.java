package org.orchestratoree.refactor;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.orchestratoree.discovery.probe.ConnectionFactory;
import org.orchestratoree.discovery.probe.MariaDbConnectionFactory;
import org.orchestratoree.discovery.probe.ProbeSettings;
import org.orchestratoree.discovery.probe.ReplicationDialect;
import org.orchestratoree.discovery.probe.TopologyConnections;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;
import org.orchestratoree.topology.ServerVersion;

/**
 * Changes replication on real servers, one statement at a time, in the server's own dialect. Holds its own
 * connections, apart from the probe's: an operation waiting on a server must not delay polling, and a
 * probe's failure must not close a connection an operation is using. Each call reads the server's version
 * first, so a server upgraded in place gets the right statements.
 *
 * <p>Thread-safe for different keys; callers run one operation per server at a time.
 */
public final class TopologyOperations implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final TopologyConnections connections;

    public TopologyOperations(ConnectionFactory factory) {
        this.connections = new TopologyConnections(factory);
    }

    public TopologyOperations(ProbeSettings settings) {
        this(new MariaDbConnectionFactory(settings));
    }

    public void stopReplication(InstanceKey key) {
        execute(key, statements(key).stopReplica());
    }

    public void startReplication(InstanceKey key) {
        execute(key, statements(key).startReplica());
    }

    public void stopIoThread(InstanceKey key) {
        execute(key, statements(key).stopIoThread());
    }

    /** Sets read_only, and super_read_only where the server has it. */
    public void setReadOnly(InstanceKey key, boolean readOnly) {
        boolean hasSuperReadOnly = !query(key, "SHOW GLOBAL VARIABLES LIKE 'super_read_only'").isEmpty();
        for (String statement : ReplicationStatements.readOnly(readOnly, hasSuperReadOnly)) {
            execute(key, statement);
        }
    }

    /**
     * Switches semi-sync on one side of the server, under the variable name of whichever implementation it has,
     * restarting a replica's IO thread that is running or connecting so that the change takes effect.
     */
    public void setSemiSync(InstanceKey key, SemiSyncCommand.Side side, boolean enable) {
        ServerVersion version = version(key);
        Set<String> variables = query(key, "SHOW GLOBAL VARIABLES LIKE 'rpl_semi_sync_%'").stream()
                .map(row -> caseInsensitive(row).get("Variable_name")).collect(Collectors.toSet());
        boolean ioThreadActive = false;
        if (side == SemiSyncCommand.Side.REPLICA) {
            ReplicationDialect dialect = ReplicationDialect.forVersion(version);
            ReplicaStatus status = dialect.toReplicaStatus(dialect.defaultChannel(query(key, dialect.replicaStatusQuery())));
            ioThreadActive = status != null && status.ioThread() != ReplicationThreadState.STOPPED
                    && status.ioThread() != ReplicationThreadState.NO_THREAD;
        }
        for (String statement : SemiSyncStatements.statements(side, enable, variables, ioThreadActive,
                ReplicationStatements.forVersion(version), key)) {
            execute(key, statement);
        }
    }

    /**
     * Makes the replica replicate from a new master by GTID auto-positioning and starts it. If pointing it
     * fails, replication is started again where it was, so a failed repoint leaves the replica running.
     */
    public void repoint(InstanceKey replica, InstanceKey newMaster) {
        ReplicationStatements statements = statements(replica);
        execute(replica, statements.stopReplica());
        try {
            execute(replica, statements.changeMasterTo(newMaster));
        } catch (TopologyOperationException e) {
            try {
                execute(replica, statements.startReplica());
            } catch (TopologyOperationException restart) {
                e.addSuppressed(restart);
            }
            throw e;
        }
        execute(replica, statements.startReplica());
    }

    /**
     * Points a server (typically a demoted master) at a new master by GTID, with the given credentials, and
     * starts replication only when asked: orchestrator's plain graceful takeover leaves the demoted master
     * configured but stopped, for the operator to inspect. Without credentials the server keeps what it has.
     * A failure names the statement with the password hidden.
     */
    public void pointAt(InstanceKey server, InstanceKey newMaster, Optional<ReplicationCredentials> credentials,
                        boolean start) {
        ReplicationStatements statements = statements(server);
        execute(server, statements.stopReplica());
        if (credentials.isEmpty()) {
            execute(server, statements.changeMasterTo(newMaster));
        } else {
            ReplicationCredentials c = credentials.get();
            try {
                execute(server, statements.changeMasterTo(newMaster, c.user(), c.password()));
            } catch (TopologyOperationException e) {
                // no cause chained: the driver's message may quote the statement, password included
                throw new TopologyOperationException(server, statements.changeMasterTo(newMaster)
                        + " with the replication user " + c.user() + " failed: " + c.redact(e.getMessage()));
            }
        }
        if (start) {
            execute(server, statements.startReplica());
        }
    }

    /**
     * Makes a master replicate from one of its own replicas, by GTID, and starts it: the master half of a
     * co-master pair. On MariaDB the master's gtid_slave_pos is first set to its own binlog position when it
     * has no replication of its own, so that it asks the new master only for what it has not written itself.
     *
     * @param user blank to keep the credentials the server has
     */
    public void replicateFromReplica(InstanceKey master, InstanceKey replica, String user, String password,
                                     boolean masterWasReplica) {
        ReplicationStatements statements = statements(master);
        if (masterWasReplica) {
            execute(master, statements.stopReplica());
        }
        if (version(master).flavor() == Flavor.MARIADB && !masterWasReplica) {
            execute(master, "SET GLOBAL gtid_slave_pos = @@global.gtid_binlog_pos");
        }
        execute(master, statements.changeMasterTo(replica, user, password));
        execute(master, statements.startReplica());
    }

    /**
     * The user and password of the server's own replication, when the server keeps them in a table
     * (MySQL's master_info_repository=TABLE): empty otherwise, or when the table cannot be read.
     */
    public java.util.Optional<String[]> storedReplicationCredentials(InstanceKey key) {
        try {
            return query(key, "SELECT User_name, User_password FROM mysql.slave_master_info LIMIT 1").stream()
                    .findFirst().map(TopologyOperations::caseInsensitive)
                    .filter(row -> !row.getOrDefault("User_name", "").isBlank())
                    .map(row -> new String[] {row.get("User_name"), row.getOrDefault("User_password", "")});
        } catch (TopologyOperationException e) {
            return java.util.Optional.empty();
        }
    }

    /** The replication user the server is configured with (Master_User), or "" when it is not a replica. */
    public String replicationUser(InstanceKey key) {
        ServerVersion version = version(key);
        ReplicationDialect dialect = ReplicationDialect.forVersion(version);
        Map<String, String> row = dialect.defaultChannel(query(key, dialect.replicaStatusQuery()));
        if (row == null) {
            return "";
        }
        Map<String, String> columns = caseInsensitive(row);
        return columns.getOrDefault("Master_User", columns.getOrDefault("Source_User", ""));
    }

    /**
     * Credentials kept in {@code mysql.slave_master_info} (MySQL's master_info_repository=TABLE), when the server
     * has that table and a user in it.
     */
    public Optional<ReplicationCredentials> masterInfoTableCredentials(InstanceKey key) {
        String tables = single(key, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'"
                + " AND TABLE_NAME = 'slave_master_info'");
        if ("0".equals(tables) || tables.isEmpty()) {
            return Optional.empty();
        }
        List<String> row = firstRow(key, "SELECT IFNULL(MAX(User_name), ''), IFNULL(MAX(User_password), '')"
                + " FROM mysql.slave_master_info");
        return row.size() < 2 ? Optional.empty() : ReplicationCredentials.of(row.get(0), row.get(1));
    }

    /** Orchestrator's ReplicationCredentialsQuery: the first row's first two columns are user and password. */
    public Optional<ReplicationCredentials> queriedCredentials(InstanceKey key, String sql) {
        List<String> row = firstRow(key, sql);
        return row.isEmpty() ? Optional.empty()
                : ReplicationCredentials.of(row.get(0), row.size() > 1 ? row.get(1) : "");
    }

    /** Stops replication and forgets the master, turning a promoted replica into a master. */
    public void detachReplication(InstanceKey key) {
        ReplicationStatements statements = statements(key);
        execute(key, statements.stopReplica());
        execute(key, statements.resetReplicaAll());
    }

    /**
     * Waits until the SQL thread has applied everything the IO thread fetched.
     *
     * @return false when the timeout passed first
     * @throws TopologyOperationException when the server is not a replica or cannot be read
     */
    public boolean waitUntilRelayLogApplied(InstanceKey key, Duration timeout) {
        ServerVersion version = version(key);
        ReplicationDialect dialect = ReplicationDialect.forVersion(version);
        boolean mariaDb = version.flavor() == Flavor.MARIADB;
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, String> row = dialect.defaultChannel(query(key, dialect.replicaStatusQuery()));
            ReplicaStatus status = dialect.toReplicaStatus(row);
            if (status == null) {
                throw new TopologyOperationException(key, "not a replica: no replication is configured");
            }
            Map<String, String> columns = caseInsensitive(row);
            String io = mariaDb ? columns.get("Gtid_IO_Pos") : status.retrievedGtidSet();
            String applied = mariaDb ? single(key, "SELECT @@global.gtid_slave_pos")
                    : columns.getOrDefault("Executed_Gtid_Set", "");
            if (RelayLogProgress.applied(status, mariaDb, io, applied)) {
                return true;
            }
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            sleep(key);
        }
    }

    /** The server's GTID position: MariaDB's gtid_current_pos, MySQL's gtid_executed. */
    public String gtidPosition(InstanceKey key) {
        return version(key).flavor() == Flavor.MARIADB ? single(key, "SELECT @@global.gtid_current_pos")
                : single(key, "SELECT @@global.gtid_executed");
    }

    /** The statements this server understands. */
    public ReplicationStatements statements(InstanceKey key) {
        return ReplicationStatements.forVersion(version(key));
    }

    @Override
    public void close() {
        connections.closeAll();
    }

    ServerVersion version(InstanceKey key) {
        Map<String, String> row = query(key, "SELECT @@version AS version, @@version_comment AS version_comment")
                .stream().findFirst().orElse(Map.of());
        return ServerVersion.of(row.get("version"), row.get("version_comment"));
    }

    void execute(InstanceKey key, String sql) {
        run(key, sql, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    String single(InstanceKey key, String sql) {
        return query(key, sql).stream().findFirst().map(row -> row.values().iterator().next())
                .map(v -> v == null ? "" : v).orElse("");
    }

    /** The first row's values by position (labels may repeat), or empty when there is no row. */
    private List<String> firstRow(InstanceKey key, String sql) {
        return run(key, sql, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                List<String> row = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                }
                return row;
            }
        });
    }

    List<Map<String, String>> query(InstanceKey key, String sql) {
        return run(key, sql, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, String>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    <T> T run(InstanceKey key, String sql, TopologyConnections.SqlWork<T> work) {
        try {
            return connections.execute(key, work);
        } catch (SQLException e) {
            throw new TopologyOperationException(key, sql, e);
        }
    }

    private static Map<String, String> caseInsensitive(Map<String, String> row) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.forEach((k, v) -> map.put(k, v == null ? "" : v));
        return map;
    }

    private static void sleep(InstanceKey key) {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyOperationException(key, "interrupted while waiting for the relay log");
        }
    }
}
