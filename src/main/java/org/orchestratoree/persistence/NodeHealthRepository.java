package org.orchestratoree.persistence;

import java.util.List;

/** Heartbeats of orchestrator nodes sharing (or owning) this backend: {@code node_health}. */
public final class NodeHealthRepository {

    public record NodeHealth(String hostname, String token, long lastSeenActive, String appVersion, String dbBackend) {
    }

    private final Backend backend;
    private final String upsert;

    public NodeHealthRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("node_health", List.of("hostname", "token"),
                List.of("hostname", "token", "last_seen_active", "first_seen_active", "app_version", "db_backend"));
    }

    public void heartbeat(String hostname, String token, long firstSeen, String appVersion) {
        Jdbc.update(backend, "write node health", upsert, hostname, token, System.currentTimeMillis(), firstSeen,
                appVersion, backend.description());
    }

    /** Nodes that reported within the window. */
    public List<NodeHealth> activeSince(long sinceMillis) {
        return Jdbc.query(backend, "read node health", "SELECT hostname, token, last_seen_active, app_version, "
                + "db_backend FROM node_health WHERE last_seen_active >= ? ORDER BY hostname", rs -> new NodeHealth(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)), sinceMillis);
    }
}
