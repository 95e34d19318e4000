package org.orchestratoree.persistence;

import java.time.Instant;
import java.util.List;
import org.orchestratoree.topology.AuditEntry;
import org.orchestratoree.topology.InstanceKey;

/** The append-only audit trail of every change this node made or observed. */
public final class AuditRepository {

    private final Backend backend;

    public AuditRepository(Backend backend) {
        this.backend = backend;
    }

    public void append(String type, InstanceKey key, String clusterName, String message) {
        Jdbc.update(backend, "write audit", "INSERT INTO audit (audit_timestamp, audit_type, hostname, port, "
                        + "cluster_name, message) VALUES (?, ?, ?, ?, ?, ?)",
                System.currentTimeMillis(), type, key == null ? "" : key.hostname(), key == null ? 0 : key.port(),
                clusterName == null ? "" : clusterName, message);
    }

    /** A page of entries, newest first; {@code key} null means all instances. */
    public List<AuditEntry> page(int page, int pageSize, InstanceKey key) {
        String where = key == null ? "" : " WHERE hostname = ? AND port = ?";
        Object[] params = key == null
                ? new Object[] {pageSize, page * pageSize}
                : new Object[] {key.hostname(), key.port(), pageSize, page * pageSize};
        return Jdbc.query(backend, "read audit", "SELECT * FROM audit" + where
                + " ORDER BY audit_id DESC LIMIT ? OFFSET ?", rs -> new AuditEntry(rs.getLong("audit_id"),
                Instant.ofEpochMilli(rs.getLong("audit_timestamp")), rs.getString("audit_type"),
                rs.getInt("port") == 0 ? null : new InstanceKey(rs.getString("hostname"), rs.getInt("port")),
                rs.getString("cluster_name"), rs.getString("message")), params);
    }
}
