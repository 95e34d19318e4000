package org.orchestratoree.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Orchestrator's {@code active_node}: the one row (anchor 1) naming the leader of the nodes that share this
 * backend, and its lease. Times come from the backend's clock, so that the nodes' own clocks never decide who
 * leads. Every change is one statement: on Galera a write that loses certification to another node's fails
 * (or is retried and then matches nothing), which a caller reads as "not held".
 */
public final class ActiveNodeRepository {

    /** The row as the backend holds it, with the backend's time of reading. */
    public record ActiveNodeRow(String hostname, String token, String httpAddress, long firstSeenActive,
                                long lastSeenActive, long backendNow) {
    }

    /** What one election attempt found: whether this node holds the lease, and the row after it. */
    public record Attempt(boolean held, ActiveNodeRow row) {
    }

    private static final String NOW = "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
    /** Renews our own lease, or takes an expired one; first_seen_active is assigned before token changes. */
    private static final String ELECT = "UPDATE active_node SET "
            + "first_seen_active = CASE WHEN token = ? THEN first_seen_active ELSE " + NOW + " END, "
            + "hostname = ?, token = ?, http_address = ?, last_seen_active = " + NOW
            + " WHERE anchor = 1 AND (token = ? OR last_seen_active < " + NOW + " - ?)";
    private static final String READ = "SELECT hostname, token, http_address, first_seen_active, last_seen_active, "
            + NOW + " FROM active_node WHERE anchor = 1";

    private final Backend backend;

    public ActiveNodeRepository(Backend backend) {
        this.backend = backend;
    }

    /**
     * Renews this node's lease or takes over an expired one, in one conditional UPDATE.
     *
     * @throws BackendUnavailableException when the backend cannot be written (unreachable, not ready)
     */
    public Attempt elect(String hostname, String token, String httpAddress, long expireMillis) {
        return Jdbc.run(backend, "elect the active node", c -> {
            int found;
            try (PreparedStatement p = c.prepareStatement(ELECT)) {
                p.setString(1, token);
                p.setString(2, hostname);
                p.setString(3, token);
                p.setString(4, httpAddress);
                p.setString(5, token);
                p.setLong(6, expireMillis);
                found = p.executeUpdate();
            }
            ActiveNodeRow row = read(c).orElseThrow(() -> new SQLException("active_node has no anchor row"));
            return new Attempt(found == 1 && token.equals(row.token()), row);
        });
    }

    /** Takes the lease whoever holds it (grab-election). */
    public void grab(String hostname, String token, String httpAddress) {
        Jdbc.update(backend, "grab the election", "UPDATE active_node SET hostname = ?, token = ?, http_address = ?, "
                + "first_seen_active = " + NOW + ", last_seen_active = " + NOW + " WHERE anchor = 1",
                hostname, token, httpAddress);
    }

    /**
     * Gives the lease up (reelect): the holder's renewals stop matching at once, while its last renewal time
     * stays, so that no other node takes over before the holder's own lease has run out.
     */
    public void release() {
        Jdbc.update(backend, "release the election", "UPDATE active_node SET hostname = '', token = '', "
                + "http_address = '' WHERE anchor = 1");
    }

    /** Gives up a lease this node holds and no longer uses (shutdown): the others may take it at once. */
    public void resign(String token) {
        Jdbc.update(backend, "resign the election", "UPDATE active_node SET hostname = '', token = '', "
                + "http_address = '', last_seen_active = 0 WHERE anchor = 1 AND token = ?", token);
    }

    public Optional<ActiveNodeRow> read() {
        return Jdbc.run(backend, "read the active node", ActiveNodeRepository::read);
    }

    private static Optional<ActiveNodeRow> read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
            return rs.next() ? Optional.of(new ActiveNodeRow(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6))) : Optional.empty();
        }
    }

    /**
     * Why this backend cannot take writes for the group, when it is a Galera node outside the Primary component
     * or not ready; empty on a ready Galera node and on a plain MySQL/MariaDB server.
     */
    public Optional<String> clusterProblem() {
        return Jdbc.run(backend, "read the Galera state", c -> {
            Map<String, String> v = new HashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")) {
                    if (!rs.next() || !"ON".equalsIgnoreCase(rs.getString(2))) {
                        return Optional.<String>empty();
                    }
                }
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                        + "('wsrep_ready', 'wsrep_cluster_status', 'wsrep_local_state_comment')")) {
                    while (rs.next()) {
                        v.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                    }
                }
            }
            String status = v.getOrDefault("wsrep_cluster_status", "unknown");
            if (!"Primary".equalsIgnoreCase(status)) {
                return Optional.of("Galera node " + backend.description() + " is not in the Primary component "
                        + "(wsrep_cluster_status=" + status + ")");
            }
            if (!"ON".equalsIgnoreCase(v.getOrDefault("wsrep_ready", "OFF"))) {
                return Optional.of("Galera node " + backend.description() + " is not ready (wsrep_ready="
                        + v.getOrDefault("wsrep_ready", "OFF") + ", state "
                        + v.getOrDefault("wsrep_local_state_comment", "unknown") + ")");
            }
            return Optional.<String>empty();
        });
    }
}
