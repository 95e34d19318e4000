package org.orchestratoree.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.TopologyRecovery;

/** Reads a {@code topology_recovery} row. */
final class RecoveryRows {

    private RecoveryRows() {
    }

    static TopologyRecovery read(ResultSet rs) throws SQLException {
        String successorHost = rs.getString("successor_hostname");
        int successorPort = rs.getInt("successor_port");
        InstanceKey successor = successorHost == null || successorHost.isEmpty() || successorPort == 0
                ? null : new InstanceKey(successorHost, successorPort);
        TopologyRecovery.Acknowledgement ack = rs.getInt("acknowledged") == 0 ? null
                : new TopologyRecovery.Acknowledgement(rs.getString("acknowledged_by"),
                        text(rs, "acknowledge_comment"), time(rs, "acknowledged_at"));
        return new TopologyRecovery(rs.getLong("recovery_id"), rs.getString("uid"),
                new InstanceKey(rs.getString("hostname"), rs.getInt("port")), rs.getString("cluster_name"),
                rs.getString("cluster_alias"), rs.getString("analysis"), text(rs, "failure_description"),
                KeyLists.keys(rs.getString("replica_hosts")), rs.getInt("is_active") == 1,
                rs.getInt("is_successful") == 1, successor, text(rs, "successor_alias"),
                KeyLists.keys(rs.getString("lost_replicas")), KeyLists.keys(rs.getString("participating_instances")),
                KeyLists.lines(rs.getString("all_errors")), Instant.ofEpochMilli(rs.getLong("start_active_period")),
                time(rs, "end_recovery"), ack, rs.getLong("last_detection_id"),
                rs.getString("processing_node_hostname"));
    }

    static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() || millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
