package org.orchestratoree.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.ClusterPlacement;
import org.orchestratoree.topology.GtidLineage;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.Location;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;
import org.orchestratoree.topology.SemiSyncState;
import org.orchestratoree.topology.ServerVersion;

/** Maps {@link Instance} to and from a {@code database_instance} row. */
final class InstanceRows {

    static final List<String> COLUMNS = List.of(
            "hostname", "port", "server_id", "server_uuid", "version", "version_comment", "read_only",
            "log_bin", "log_replica_updates", "binlog_format", "binlog_row_image", "binary_log_file",
            "binary_log_pos", "master_host", "master_port", "master_uuid", "replica_io_state",
            "replica_sql_state", "last_io_errno", "last_io_error", "last_sql_errno", "last_sql_error",
            "seconds_behind_master", "sql_delay", "master_log_file", "read_master_log_pos",
            "relay_master_log_file", "exec_master_log_pos", "relay_log_file", "relay_log_pos", "using_gtid",
            "retrieved_gtid_set", "has_replication_filters", "gtid_mode", "executed_gtid_set", "gtid_purged",
            "supports_oracle_gtid", "using_oracle_gtid", "using_mariadb_gtid", "mariadb_gtid_binlog_pos",
            "mariadb_gtid_slave_pos", "mariadb_gtid_current_pos", "semi_sync_master_enabled",
            "semi_sync_replica_enabled", "semi_sync_master_status", "semi_sync_replica_status",
            "semi_sync_master_clients", "semi_sync_master_wait_count", "semi_sync_master_timeout",
            "replica_hosts", "uptime", "data_center", "region", "physical_environment",
            "suggested_cluster_alias", "cluster_name", "replication_depth", "is_co_master", "last_checked",
            "last_seen", "last_attempted_check", "last_check_valid", "last_discovery_latency_ms",
            "mariadb_gtid_binlog_state", "ancestry_uuid", "ancestry_server_ids", "gtid_errant");

    static final List<String> KEY = List.of("hostname", "port");

    private InstanceRows() {
    }

    static void bind(PreparedStatement p, Instance instance) throws SQLException {
        InstanceSnapshot s = instance.snapshot();
        Binder b = new Binder(p);
        b.string(s.key().hostname()).integer(s.key().port()).bigint(s.serverId()).string(s.serverUuid())
                .string(s.version().version()).string(s.version().versionComment()).bool(s.readOnly())
                .bool(s.binlog().logBinEnabled()).bool(s.binlog().logReplicaUpdates())
                .string(s.binlog().format()).string(s.binlog().rowImage())
                .string(s.selfCoordinates().logFile()).bigint(s.selfCoordinates().logPos());
        bindReplication(b, s.replication());
        GtidState g = s.gtid();
        b.string(g.gtidMode()).string(g.executedGtidSet()).string(g.gtidPurged()).bool(g.supportsOracleGtid())
                .bool(g.usingOracleGtid()).bool(g.usingMariaDbGtid()).string(g.mariaDbBinlogPos())
                .string(g.mariaDbSlavePos()).string(g.mariaDbCurrentPos());
        SemiSyncState ss = s.semiSync();
        b.bool(ss.masterEnabled()).bool(ss.replicaEnabled()).bool(ss.masterStatus()).bool(ss.replicaStatus())
                .bigint(ss.masterClients()).bigint(ss.masterWaitForReplicaCount()).bigint(ss.masterTimeoutMillis());
        b.string(String.join(",", s.replicaKeys().stream().map(InstanceKey::toString).toList()))
                .bigint(s.uptimeSeconds()).string(s.location().dataCenter()).string(s.location().region())
                .string(s.location().physicalEnvironment()).string(s.suggestedClusterAlias());
        ClusterPlacement placement = instance.placement();
        b.string(placement.clusterName()).integer(placement.replicationDepth()).bool(placement.coMaster());
        CheckTimes c = instance.checks();
        b.time(c.lastChecked()).time(c.lastSeen()).time(c.lastAttemptedCheck()).bool(c.lastCheckValid())
                .bigint(c.lastDiscoveryLatencyMillis());
        GtidLineage lineage = instance.lineage();
        b.string(g.mariaDbBinlogState()).string(String.join(",", lineage.ancestorUuids()))
                .string(String.join(",", lineage.ancestorServerIds().stream().map(String::valueOf).toList()))
                .string(lineage.errant());
    }

    private static void bindReplication(Binder b, ReplicaStatus r) throws SQLException {
        if (r == null) {
            b.string("").integer(0).string("").integer(ReplicationThreadState.NO_THREAD.code())
                    .integer(ReplicationThreadState.NO_THREAD.code()).integer(0).string("").integer(0).string("")
                    .nullableBigint(null).bigint(0).string("").bigint(0).string("").bigint(0).string("").bigint(0)
                    .bool(false).string("").bool(false);
            return;
        }
        b.string(r.masterKey().hostname()).integer(r.masterKey().port()).string(r.masterUuid())
                .integer(r.ioThread().code()).integer(r.sqlThread().code()).integer(r.lastIoErrno())
                .string(r.lastIoError()).integer(r.lastSqlErrno()).string(r.lastSqlError())
                .nullableBigint(r.secondsBehindMaster()).bigint(r.sqlDelay())
                .string(r.readCoordinates().logFile()).bigint(r.readCoordinates().logPos())
                .string(r.execCoordinates().logFile()).bigint(r.execCoordinates().logPos())
                .string(r.relayLogCoordinates().logFile()).bigint(r.relayLogCoordinates().logPos())
                .bool(r.usingGtid()).string(r.retrievedGtidSet()).bool(r.hasReplicationFilters());
    }

    static Instance read(ResultSet rs) throws SQLException {
        InstanceKey key = new InstanceKey(rs.getString("hostname"), rs.getInt("port"));
        InstanceSnapshot snapshot = new InstanceSnapshot(key, rs.getLong("server_id"), rs.getString("server_uuid"),
                ServerVersion.of(rs.getString("version"), rs.getString("version_comment")),
                rs.getBoolean("read_only"),
                new BinlogSettings(rs.getBoolean("log_bin"), rs.getBoolean("log_replica_updates"),
                        rs.getString("binlog_format"), rs.getString("binlog_row_image")),
                new BinlogCoordinates(rs.getString("binary_log_file"), rs.getLong("binary_log_pos")),
                readReplication(rs),
                new GtidState(rs.getString("gtid_mode"), text(rs, "executed_gtid_set"), text(rs, "gtid_purged"),
                        rs.getBoolean("supports_oracle_gtid"), rs.getBoolean("using_oracle_gtid"),
                        rs.getBoolean("using_mariadb_gtid"), text(rs, "mariadb_gtid_binlog_pos"),
                        text(rs, "mariadb_gtid_slave_pos"), text(rs, "mariadb_gtid_current_pos"),
                        text(rs, "mariadb_gtid_binlog_state")),
                new SemiSyncState(rs.getBoolean("semi_sync_master_enabled"), rs.getBoolean("semi_sync_replica_enabled"),
                        rs.getBoolean("semi_sync_master_status"), rs.getBoolean("semi_sync_replica_status"),
                        rs.getLong("semi_sync_master_clients"), rs.getLong("semi_sync_master_wait_count"),
                        rs.getLong("semi_sync_master_timeout")),
                replicaKeys(text(rs, "replica_hosts")),
                rs.getLong("uptime"),
                new Location(rs.getString("data_center"), rs.getString("region"), rs.getString("physical_environment")),
                rs.getString("suggested_cluster_alias"));
        ClusterPlacement placement = new ClusterPlacement(rs.getString("cluster_name"), rs.getInt("replication_depth"),
                rs.getBoolean("is_co_master"));
        CheckTimes checks = new CheckTimes(time(rs, "last_checked"), time(rs, "last_seen"),
                time(rs, "last_attempted_check"), rs.getBoolean("last_check_valid"),
                rs.getLong("last_discovery_latency_ms"));
        GtidLineage lineage = new GtidLineage(list(text(rs, "ancestry_uuid")),
                list(text(rs, "ancestry_server_ids")).stream().map(Long::parseLong).toList(), text(rs, "gtid_errant"));
        return new Instance(snapshot, placement, checks, lineage);
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static ReplicaStatus readReplication(ResultSet rs) throws SQLException {
        String masterHost = rs.getString("master_host");
        if (masterHost == null || masterHost.isEmpty()) {
            return null;
        }
        long lag = rs.getLong("seconds_behind_master");
        Long secondsBehind = rs.wasNull() ? null : lag;
        return new ReplicaStatus(new InstanceKey(masterHost, rs.getInt("master_port")), rs.getString("master_uuid"),
                threadState(rs.getInt("replica_io_state")), threadState(rs.getInt("replica_sql_state")),
                rs.getInt("last_io_errno"), text(rs, "last_io_error"), rs.getInt("last_sql_errno"),
                text(rs, "last_sql_error"), secondsBehind, rs.getLong("sql_delay"),
                new BinlogCoordinates(rs.getString("master_log_file"), rs.getLong("read_master_log_pos")),
                new BinlogCoordinates(rs.getString("relay_master_log_file"), rs.getLong("exec_master_log_pos")),
                new BinlogCoordinates(rs.getString("relay_log_file"), rs.getLong("relay_log_pos")),
                rs.getBoolean("using_gtid"), text(rs, "retrieved_gtid_set"), rs.getBoolean("has_replication_filters"));
    }

    private static ReplicationThreadState threadState(int code) {
        return Arrays.stream(ReplicationThreadState.values()).filter(s -> s.code() == code).findFirst()
                .orElse(ReplicationThreadState.OTHER);
    }

    private static List<InstanceKey> replicaKeys(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(InstanceKey::parse).toList();
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** Binds parameters in column order, so the bind code reads like the column list. */
    private static final class Binder {
        private final PreparedStatement p;
        private int index = 1;

        Binder(PreparedStatement p) {
            this.p = p;
        }

        Binder string(String value) throws SQLException {
            p.setString(index++, value == null ? "" : value);
            return this;
        }

        Binder integer(int value) throws SQLException {
            p.setInt(index++, value);
            return this;
        }

        Binder bigint(long value) throws SQLException {
            p.setLong(index++, value);
            return this;
        }

        Binder nullableBigint(Long value) throws SQLException {
            if (value == null) {
                p.setNull(index++, Types.BIGINT);
            } else {
                p.setLong(index++, value);
            }
            return this;
        }

        Binder bool(boolean value) throws SQLException {
            p.setInt(index++, value ? 1 : 0);
            return this;
        }

        Binder time(Instant value) throws SQLException {
            return nullableBigint(value == null ? null : value.toEpochMilli());
        }
    }
}
