package org.orchestratoree.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.FailureDetection;
import org.orchestratoree.topology.InstanceKey;

/** {@code topology_failure_detection}: one detection per instance per active period, newest first. */
public final class FailureDetectionRepository {

    private static final String SELECT = "SELECT d.*, (SELECT MAX(r.recovery_id) FROM topology_recovery r "
            + "WHERE r.last_detection_id = d.detection_id) AS related_recovery_id FROM topology_failure_detection d";
    private static final String NEWEST_FIRST = " ORDER BY d.detection_id DESC";

    private final Backend backend;
    private final String insert;

    public FailureDetectionRepository(Backend backend) {
        this.backend = backend;
        this.insert = backend.dialect().insertIgnore("topology_failure_detection", List.of("hostname", "port",
                "cluster_name", "cluster_alias", "analysis", "count_affected_replicas", "is_actionable", "is_active",
                "start_active_period", "end_active_period_unixtime", "processing_node_hostname", "active_lock"));
    }

    /** @return the detection with its id, or empty when this instance's failure is already detected */
    public Optional<FailureDetection> register(FailureDetection d) {
        long id = Jdbc.insert(backend, "register detection on " + d.key(), insert, d.key().hostname(),
                d.key().port(), d.clusterName(), d.clusterAlias(), d.analysis(), d.countAffectedReplicas(),
                d.actionable() ? 1 : 0, 1, d.startActivePeriod().toEpochMilli(), 0, d.processingNodeHostname(), 1);
        return id == 0 ? Optional.empty() : byId(id);
    }

    /** Ends active periods older than the cut-off (FailureDetectionPeriodBlockMinutes). */
    public int clearActivePeriodsBefore(Instant cutoff, Instant now) {
        return clear("start_active_period < ?", now, cutoff.toEpochMilli());
    }

    /** An acknowledged instance may be detected again at once. */
    public int clearInstance(InstanceKey key, Instant now) {
        return clear("hostname = ? AND port = ?", now, key.hostname(), key.port());
    }

    public int clearCluster(String clusterName, String clusterAlias, Instant now) {
        return clear("(cluster_name = ? OR (cluster_alias = ? AND cluster_alias <> ''))", now, clusterName,
                clusterAlias);
    }

    public int clearAll(Instant now) {
        return clear("1 = 1", now);
    }

    private int clear(String where, Instant now, Object... params) {
        List<Object> all = new ArrayList<>(List.of(now.toEpochMilli()));
        all.addAll(List.of(params));
        return Jdbc.update(backend, "clear failure detections", "UPDATE topology_failure_detection SET is_active = 0, "
                + "active_lock = NULL, end_active_period_unixtime = ? WHERE is_active = 1 AND " + where, all.toArray());
    }

    public Optional<FailureDetection> byId(long id) {
        return Jdbc.query(backend, "read detection", SELECT + " WHERE d.detection_id = ?",
                FailureDetectionRepository::read, id).stream().findFirst();
    }

    /** A page of detections; a null alias means all clusters. */
    public List<FailureDetection> page(int page, int pageSize, String clusterAlias) {
        String where = clusterAlias == null ? "" : " WHERE d.cluster_alias = ?";
        Object[] params = clusterAlias == null ? new Object[] {pageSize, page * pageSize}
                : new Object[] {clusterAlias, pageSize, page * pageSize};
        return Jdbc.query(backend, "read detections", SELECT + where + NEWEST_FIRST + " LIMIT ? OFFSET ?",
                FailureDetectionRepository::read, params);
    }

    private static FailureDetection read(ResultSet rs) throws SQLException {
        long end = rs.getLong("end_active_period_unixtime");
        return new FailureDetection(rs.getLong("detection_id"),
                new InstanceKey(rs.getString("hostname"), rs.getInt("port")), rs.getString("cluster_name"),
                rs.getString("cluster_alias"), rs.getString("analysis"), rs.getInt("count_affected_replicas"),
                rs.getInt("is_actionable") == 1, rs.getInt("is_active") == 1,
                Instant.ofEpochMilli(rs.getLong("start_active_period")), end == 0 ? null : Instant.ofEpochMilli(end),
                rs.getString("processing_node_hostname"), rs.getLong("related_recovery_id"));
    }
}
