package org.orchestratoree.persistence;

import java.util.List;

/** Heartbeats of orchestrator nodes sharing (or owning) this backend: {@code node_health}. */
public final class NodeHealthRepository {

    public record NodeHealth(String hostname, String token, long lastSeenActive, String appVersion, String dbBackend,
                             long firstSeenActive, String httpAddress) {
    }

    private final Backend backend;
    private final String upsert;

    public NodeHealthRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("node_health", List.of("hostname", "token"),
                List.of("hostname", "token", "last_seen_active", "first_seen_active", "app_version", "db_backend",
                        "http_address"));
    }

    public void heartbeat(String hostname, String token, long firstSeen, String appVersion) {
        heartbeat(hostname, token, firstSeen, appVersion, "");
    }

    /** @param httpAddress where the node's API answers (HTTPAdvertise): nodes of one host share its name */
    public void heartbeat(String hostname, String token, long firstSeen, String appVersion, String httpAddress) {
        Jdbc.update(backend, "write node health", upsert, hostname, token, System.currentTimeMillis(), firstSeen,
                appVersion, backend.description(), httpAddress);
    }

    /** Nodes that reported within the window. */
    public List<NodeHealth> activeSince(long sinceMillis) {
        return Jdbc.query(backend, "read node health", "SELECT hostname, token, last_seen_active, app_version, "
                + "db_backend, first_seen_active, http_address FROM node_health WHERE last_seen_active >= ? "
                + "ORDER BY hostname, http_address", rs -> new NodeHealth(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)), sinceMillis);
    }
}
