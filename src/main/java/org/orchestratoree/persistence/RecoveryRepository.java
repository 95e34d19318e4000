package org.orchestratoree.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.RecoveryStep;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * {@code topology_recovery} and {@code topology_recovery_steps}. Newest first everywhere, as orchestrator
 * lists them. Acknowledging a recovery also ends its active period, which unblocks further recoveries.
 */
public final class RecoveryRepository {

    private static final String SELECT = "SELECT * FROM topology_recovery";
    private static final String NEWEST_FIRST = " ORDER BY recovery_id DESC";

    private final Backend backend;
    private final String insert;

    public RecoveryRepository(Backend backend) {
        this.backend = backend;
        this.insert = backend.dialect().insertIgnore("topology_recovery", List.of("uid", "hostname", "port",
                "cluster_name", "cluster_alias", "analysis", "failure_description", "count_affected_replicas",
                "replica_hosts", "is_active", "is_successful", "start_active_period", "end_active_period",
                "acknowledged", "acknowledged_by", "last_detection_id", "processing_node_hostname", "active_lock"));
    }

    /**
     * Registers a starting recovery.
     *
     * @return the recovery with its id, or empty when the instance already has a recovery in active period
     */
    public Optional<TopologyRecovery> register(TopologyRecovery r) {
        long lastDetection = Jdbc.query(backend, "read last detection", "SELECT MAX(detection_id) FROM "
                + "topology_failure_detection WHERE hostname = ? AND port = ?", rs -> rs.getLong(1),
                r.failedKey().hostname(), r.failedKey().port()).stream().findFirst().orElse(0L);
        long id = Jdbc.insert(backend, "register recovery of " + r.failedKey(), insert, r.uid(),
                r.failedKey().hostname(), r.failedKey().port(), r.clusterName(), r.clusterAlias(), r.analysis(),
                r.failureDescription(), r.replicas().size(), KeyLists.text(r.replicas()), 1, 0,
                r.startActivePeriod().toEpochMilli(), 0, 0, "", lastDetection, r.processingNodeHostname(), 1);
        return id == 0 ? Optional.empty() : byId(id);
    }

    /** Records how a recovery ended; its active period goes on until acknowledged or expired. */
    public boolean resolve(String uid, RecoveryOutcome outcome, Instant end) {
        InstanceKey s = outcome.successor();
        return Jdbc.update(backend, "resolve recovery " + uid, "UPDATE topology_recovery SET is_successful = ?, "
                + "successor_hostname = ?, successor_port = ?, successor_alias = ?, lost_replicas = ?, "
                + "participating_instances = ?, all_errors = ?, end_recovery = ? WHERE uid = ?",
                outcome.successful() ? 1 : 0, s == null ? "" : s.hostname(), s == null ? 0 : s.port(),
                outcome.successorAlias(), KeyLists.text(outcome.lostReplicas()),
                KeyLists.text(outcome.participatingInstances()), KeyLists.lines(outcome.allErrors()),
                end.toEpochMilli(), uid) > 0;
    }

    public void addStep(String uid, String message, Instant at) {
        Jdbc.update(backend, "write recovery step", "INSERT INTO topology_recovery_steps (recovery_uid, audit_at, "
                + "message) VALUES (?, ?, ?)", uid, at.toEpochMilli(), message);
    }

    public List<RecoveryStep> steps(String uid) {
        return Jdbc.query(backend, "read recovery steps", "SELECT * FROM topology_recovery_steps WHERE "
                + "recovery_uid = ? ORDER BY recovery_step_id", rs -> new RecoveryStep(rs.getLong("recovery_step_id"),
                rs.getString("recovery_uid"), Instant.ofEpochMilli(rs.getLong("audit_at")), rs.getString("message")),
                uid);
    }

    public int acknowledgeById(long id, String owner, String comment, Instant at) {
        return acknowledge("recovery_id = ?", owner, comment, at, id);
    }

    public int acknowledgeByUid(String uid, String owner, String comment, Instant at) {
        return acknowledge("uid = ?", owner, comment, at, uid);
    }

    /** By cluster name, and by alias too: a cluster renamed by failover keeps its alias. */
    public int acknowledgeCluster(String clusterName, String clusterAlias, String owner, String comment, Instant at) {
        return acknowledge("(cluster_name = ? OR (cluster_alias = ? AND cluster_alias <> ''))", owner, comment, at,
                clusterName, clusterAlias);
    }

    public int acknowledgeInstance(InstanceKey key, String owner, String comment, Instant at) {
        return acknowledge("hostname = ? AND port = ?", owner, comment, at, key.hostname(), key.port());
    }

    /** Finished recoveries only: one still running on the instance keeps its lock. */
    public int acknowledgeInstanceCompleted(InstanceKey key, String owner, String comment, Instant at) {
        return acknowledge("hostname = ? AND port = ? AND end_recovery IS NOT NULL", owner, comment, at,
                key.hostname(), key.port());
    }

    public int acknowledgeAll(String owner, String comment, Instant at) {
        return acknowledge("1 = 1", owner, comment, at);
    }

    private int acknowledge(String where, String owner, String comment, Instant at, Object... params) {
        long now = at.toEpochMilli();
        List<Object> all = new ArrayList<>(List.of(now, now, owner, comment));
        all.addAll(List.of(params));
        return Jdbc.update(backend, "acknowledge recoveries", "UPDATE topology_recovery SET is_active = 0, "
                + "active_lock = NULL, end_active_period = CASE WHEN end_active_period = 0 THEN ? ELSE end_active_period END, "
                + "acknowledged = 1, acknowledged_at = ?, acknowledged_by = ?, acknowledge_comment = ? "
                + "WHERE acknowledged = 0 AND " + where, all.toArray());
    }

    /** Ends the active period of recoveries that started before the cut-off (RecoveryPeriodBlockSeconds). */
    public int clearActivePeriodsBefore(Instant cutoff, Instant now) {
        return Jdbc.update(backend, "clear active recoveries", "UPDATE topology_recovery SET is_active = 0, "
                + "active_lock = NULL, end_active_period = ? WHERE is_active = 1 AND start_active_period < ?", now.toEpochMilli(),
                cutoff.toEpochMilli());
    }

    public Optional<TopologyRecovery> byId(long id) {
        return query(" WHERE recovery_id = ?", id).stream().findFirst();
    }

    public Optional<TopologyRecovery> byUid(String uid) {
        return query(" WHERE uid = ?", uid).stream().findFirst();
    }

    /** A page of recoveries; a null cluster name or alias means all clusters. */
    public List<TopologyRecovery> page(int page, int pageSize, String clusterName, String clusterAlias,
                                       boolean unacknowledgedOnly) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (unacknowledgedOnly) {
            where.add("acknowledged = 0");
        }
        if (clusterName != null) {
            where.add("cluster_name = ?");
            params.add(clusterName);
        } else if (clusterAlias != null) {
            where.add("cluster_alias = ?");
            params.add(clusterAlias);
        }
        params.add(pageSize);
        params.add(page * pageSize);
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return Jdbc.query(backend, "read recoveries", SELECT + clause + NEWEST_FIRST + " LIMIT ? OFFSET ?",
                RecoveryRows::read, params.toArray());
    }

    /** Recoveries of the cluster still running. */
    public List<TopologyRecovery> running(String clusterName) {
        return query(" WHERE is_active = 1 AND end_recovery IS NULL AND cluster_name = ?", clusterName);
    }

    /** Recoveries of the cluster in active period, finished or not: these block another recovery. */
    public List<TopologyRecovery> inActivePeriod(String clusterName) {
        return query(" WHERE is_active = 1 AND cluster_name = ?", clusterName);
    }

    /** Recoveries in active period that promoted this instance: its own failure must not flap back. */
    public List<TopologyRecovery> inActivePeriodWithSuccessor(InstanceKey successor) {
        return query(" WHERE is_active = 1 AND successor_hostname = ? AND successor_port = ?",
                successor.hostname(), successor.port());
    }

    /** Recoveries of the cluster that ended since the given instant. */
    public List<TopologyRecovery> endedSince(String clusterName, Instant since) {
        return query(" WHERE end_recovery > ? AND cluster_name = ?", since.toEpochMilli(), clusterName);
    }

    private List<TopologyRecovery> query(String where, Object... params) {
        return Jdbc.query(backend, "read recoveries", SELECT + where + NEWEST_FIRST, RecoveryRows::read, params);
    }
}
