package org.orchestratoree.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/** Reads and writes {@code database_instance}. */
public final class InstanceRepository {

    private static final String SELECT = "SELECT * FROM database_instance";

    private final Backend backend;
    private final String upsert;

    public InstanceRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("database_instance", InstanceRows.KEY, InstanceRows.COLUMNS);
    }

    /** Stores the whole instance, replacing what was known of it. */
    public void save(Instance instance) {
        Jdbc.run(backend, "save " + instance.key(), c -> {
            try (PreparedStatement p = c.prepareStatement(upsert)) {
                InstanceRows.bind(p, instance);
                return p.executeUpdate();
            }
        });
    }

    /**
     * Records a failed probe: the last snapshot stays, the instance is marked as not valid.
     *
     * @return false when the instance was not known
     */
    public boolean markCheckFailed(InstanceKey key, Instant attemptedAt, Instant checkedAt) {
        return Jdbc.update(backend, "mark " + key + " unreachable", "UPDATE database_instance SET "
                + "last_attempted_check = ?, last_checked = ?, last_check_valid = 0 WHERE hostname = ? AND port = ?",
                attemptedAt.toEpochMilli(), checkedAt.toEpochMilli(), key.hostname(), key.port()) > 0;
    }

    public Optional<Instance> find(InstanceKey key) {
        List<Instance> found = query(SELECT + " WHERE hostname = ? AND port = ?", key.hostname(), key.port());
        return found.stream().findFirst();
    }

    public List<Instance> findAll() {
        return query(SELECT + " ORDER BY cluster_name, replication_depth, hostname, port");
    }

    public List<Instance> findByCluster(String clusterName) {
        return query(SELECT + " WHERE cluster_name = ? ORDER BY replication_depth, hostname, port", clusterName);
    }

    public List<Instance> findReplicasOf(InstanceKey master) {
        return query(SELECT + " WHERE master_host = ? AND master_port = ? ORDER BY hostname, port",
                master.hostname(), master.port());
    }

    /**
     * Orchestrator's search: instances whose {@code host:port}, cluster name, alias, version or version
     * comment contain the text, or whose server id or port equals it. Filtered here rather than in SQL because
     * SQLite and MySQL concatenate strings differently.
     */
    public List<Instance> search(String text) {
        return findAll().stream().filter(i -> matches(i, text)).toList();
    }

    private static boolean matches(Instance i, String text) {
        var s = i.snapshot();
        return s.key().toString().contains(text) || i.clusterName().contains(text)
                || s.suggestedClusterAlias().contains(text) || s.version().version().contains(text)
                || s.version().versionComment().contains(text) || String.valueOf(s.serverId()).equals(text)
                || String.valueOf(s.key().port()).equals(text);
    }

    public boolean delete(InstanceKey key) {
        return Jdbc.update(backend, "forget " + key, "DELETE FROM database_instance WHERE hostname = ? AND port = ?",
                key.hostname(), key.port()) > 0;
    }

    public int deleteCluster(String clusterName) {
        return Jdbc.update(backend, "forget cluster " + clusterName,
                "DELETE FROM database_instance WHERE cluster_name = ?", clusterName);
    }

    /** Forgets instances not seen since the cut-off (orchestrator's UnseenInstanceForgetHours). */
    public int deleteUnseenSince(Instant cutoff) {
        return Jdbc.update(backend, "forget unseen instances", "DELETE FROM database_instance WHERE last_seen < ?",
                cutoff.toEpochMilli());
    }

    private List<Instance> query(String sql, Object... params) {
        return Jdbc.query(backend, "read instances", sql, InstanceRows::read, params);
    }
}
