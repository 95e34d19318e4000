package org.orchestratoree.persistence;

import java.time.Instant;
import java.util.List;
import org.orchestratoree.topology.BlockedRecovery;
import org.orchestratoree.topology.InstanceKey;

/**
 * {@code blocked_topology_recovery}: recoveries held back by an earlier one in active period. Kept for the
 * operator's eyes only; decisions are made from {@code topology_recovery} itself.
 */
public final class BlockedRecoveryRepository {

    private final Backend backend;
    private final String upsert;

    public BlockedRecoveryRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("blocked_topology_recovery", List.of("hostname", "port"),
                List.of("hostname", "port", "cluster_name", "analysis", "last_blocked_timestamp",
                        "blocking_recovery_id"));
    }

    public void register(BlockedRecovery blocked) {
        Jdbc.update(backend, "register blocked recovery of " + blocked.key(), upsert, blocked.key().hostname(),
                blocked.key().port(), blocked.clusterName(), blocked.analysis(),
                blocked.lastBlocked().toEpochMilli(), blocked.blockingRecoveryId());
    }

    /** Newest first; a null cluster name means all clusters. */
    public List<BlockedRecovery> list(String clusterName) {
        String where = clusterName == null ? "" : " WHERE cluster_name = ?";
        Object[] params = clusterName == null ? new Object[0] : new Object[] {clusterName};
        return Jdbc.query(backend, "read blocked recoveries", "SELECT * FROM blocked_topology_recovery" + where
                + " ORDER BY last_blocked_timestamp DESC", rs -> new BlockedRecovery(
                new InstanceKey(rs.getString("hostname"), rs.getInt("port")), rs.getString("cluster_name"),
                rs.getString("analysis"), Instant.ofEpochMilli(rs.getLong("last_blocked_timestamp")),
                rs.getLong("blocking_recovery_id")), params);
    }

    /**
     * Drops entries whose blocking recovery is acknowledged (or gone), and entries not re-registered since
     * the cut-off: the failure went away before anyone acted.
     */
    public int expire(Instant notBlockedSince) {
        int released = Jdbc.update(backend, "release blocked recoveries", "DELETE FROM blocked_topology_recovery "
                + "WHERE blocking_recovery_id NOT IN (SELECT recovery_id FROM topology_recovery WHERE acknowledged = 0)");
        return released + Jdbc.update(backend, "expire blocked recoveries",
                "DELETE FROM blocked_topology_recovery WHERE last_blocked_timestamp < ?", notBlockedSince.toEpochMilli());
    }
}
