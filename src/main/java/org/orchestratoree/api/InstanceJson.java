package org.orchestratoree.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceAnnotations;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceProblems;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

/**
 * An instance as orchestrator's API spells it: its field names, order and value shapes (keys as
 * {@code {"Hostname","Port"}}, nullable numbers as {@code {"Int64","Valid"}}, durations in nanoseconds,
 * timestamps as {@code yyyy-MM-dd HH:mm:ss}). Legacy duplicates (Slave_IO_Running, SlaveHosts, ...) are kept
 * because clients still read them.
 */
public final class InstanceJson {

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private InstanceJson() {
    }

    public static JsonObject key(InstanceKey key) {
        return Json.createObjectBuilder()
                .add("Hostname", key == null ? "" : key.hostname())
                .add("Port", key == null ? 0 : key.port()).build();
    }

    public static JsonObject nullInt(Long value) {
        return Json.createObjectBuilder().add("Int64", value == null ? 0 : value).add("Valid", value != null).build();
    }

    static JsonObject coordinates(BinlogCoordinates c, int type) {
        return Json.createObjectBuilder().add("LogFile", c.logFile()).add("LogPos", c.logPos()).add("Type", type).build();
    }

    static JsonArrayBuilder keys(List<InstanceKey> keys) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        keys.forEach(k -> array.add(key(k)));
        return array;
    }

    /** The JSON of one instance as known at {@code now}, with no downtime and no promotion rule. */
    public static JsonObject of(Instance instance, Instant now, Duration pollInterval, long reasonableLagSeconds) {
        return of(instance, InstanceAnnotations.NONE, now, pollInterval, reasonableLagSeconds);
    }

    /** The JSON of one instance as known at {@code now}, with its downtime and promotion rule. */
    public static JsonObject of(Instance instance, InstanceAnnotations annotations, Instant now, Duration pollInterval,
                                long reasonableLagSeconds) {
        InstanceSnapshot s = instance.snapshot();
        ReplicaStatus r = s.replication();
        CheckTimes checks = instance.checks();
        boolean ioRunning = r != null && r.ioRunning();
        boolean sqlRunning = r != null && r.sqlRunning();
        Long lag = r == null ? null : r.secondsBehindMaster();
        BinlogCoordinates none = BinlogCoordinates.NONE;
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("Key", key(s.key()))
                .add("InstanceAlias", "")
                .add("Uptime", s.uptimeSeconds())
                .add("ServerID", s.serverId())
                .add("ServerUUID", s.serverUuid())
                .add("Version", s.version().version())
                .add("VersionComment", s.version().versionComment())
                .add("FlavorName", s.version().flavor().displayName())
                .add("ReadOnly", s.readOnly())
                .add("Binlog_format", s.binlog().format())
                .add("BinlogRowImage", s.binlog().rowImage())
                .add("LogBinEnabled", s.binlog().logBinEnabled())
                .add("LogSlaveUpdatesEnabled", s.binlog().logReplicaUpdates())
                .add("LogReplicationUpdatesEnabled", s.binlog().logReplicaUpdates())
                .add("SelfBinlogCoordinates", coordinates(s.selfCoordinates(), 0))
                .add("MasterKey", key(r == null ? null : r.masterKey()))
                .add("MasterUUID", r == null ? "" : r.masterUuid())
                .add("AncestryUUID", ancestry(instance))
                .add("IsDetachedMaster", false)
                .add("Slave_SQL_Running", sqlRunning)
                .add("ReplicationSQLThreadRuning", sqlRunning)
                .add("Slave_IO_Running", ioRunning)
                .add("ReplicationIOThreadRuning", ioRunning)
                .add("ReplicationSQLThreadState", (r == null ? ReplicationThreadState.NO_THREAD : r.sqlThread()).code())
                .add("ReplicationIOThreadState", (r == null ? ReplicationThreadState.NO_THREAD : r.ioThread()).code())
                .add("HasReplicationFilters", r != null && r.hasReplicationFilters())
                .add("GTIDMode", s.gtid().gtidMode())
                .add("SupportsOracleGTID", s.gtid().supportsOracleGtid())
                .add("UsingOracleGTID", s.gtid().usingOracleGtid())
                .add("UsingMariaDBGTID", s.gtid().usingMariaDbGtid())
                .add("UsingPseudoGTID", false)
                .add("ReadBinlogCoordinates", coordinates(r == null ? none : r.readCoordinates(), 0))
                .add("ExecBinlogCoordinates", coordinates(r == null ? none : r.execCoordinates(), 0))
                .add("IsDetached", false)
                .add("RelaylogCoordinates", coordinates(r == null ? none : r.relayLogCoordinates(), 1))
                .add("LastSQLError", r == null ? "" : r.lastSqlError())
                .add("LastIOError", r == null ? "" : r.lastIoError())
                .add("SecondsBehindMaster", nullInt(lag))
                .add("SQLDelay", r == null ? 0 : r.sqlDelay())
                .add("ExecutedGtidSet", executedGtid(s))
                .add("GtidPurged", s.gtid().gtidPurged())
                .add("GtidErrant", instance.lineage().errant())
                .add("SlaveLagSeconds", nullInt(lag))
                .add("ReplicationLagSeconds", nullInt(lag))
                .add("SlaveHosts", keys(s.replicaKeys()))
                .add("Replicas", keys(s.replicaKeys()))
                .add("ClusterName", instance.clusterName())
                .add("SuggestedClusterAlias", s.suggestedClusterAlias())
                .add("DataCenter", s.location().dataCenter())
                .add("Region", s.location().region())
                .add("PhysicalEnvironment", s.location().physicalEnvironment())
                .add("ReplicationDepth", instance.placement().replicationDepth())
                .add("IsCoMaster", instance.placement().coMaster())
                .add("HasReplicationCredentials", r != null)
                .add("ReplicationCredentialsAvailable", false)
                .add("SemiSyncAvailable", s.semiSync().masterEnabled() || s.semiSync().replicaEnabled())
                .add("SemiSyncPriority", 0)
                .add("SemiSyncMasterEnabled", s.semiSync().masterEnabled())
                .add("SemiSyncReplicaEnabled", s.semiSync().replicaEnabled())
                .add("SemiSyncMasterTimeout", s.semiSync().masterTimeoutMillis())
                .add("SemiSyncMasterWaitForReplicaCount", s.semiSync().masterWaitForReplicaCount())
                .add("SemiSyncMasterStatus", s.semiSync().masterStatus())
                .add("SemiSyncMasterClients", s.semiSync().masterClients())
                .add("SemiSyncReplicaStatus", s.semiSync().replicaStatus())
                .add("LastSeenTimestamp", checks.lastSeen() == null ? "" : TIMESTAMP.format(checks.lastSeen()))
                .add("IsLastCheckValid", checks.lastCheckValid())
                .add("IsUpToDate", checks.upToDate(now, pollInterval))
                .add("IsRecentlyChecked", checks.recentlyChecked(now, pollInterval))
                .add("SecondsSinceLastSeen", nullInt(checks.secondsSinceLastSeen(now)))
                .add("CountMySQLSnapshots", 0)
                .add("IsCandidate", annotations.isCandidate(now))
                .add("PromotionRule", annotations.promotionRule(now).toString());
        addDowntime(o, annotations, now);
        o
                .add("UnresolvedHostname", "")
                .add("AllowTLS", false);
        JsonArrayBuilder problems = Json.createArrayBuilder();
        InstanceProblems.of(instance, now, pollInterval, reasonableLagSeconds).forEach(problems::add);
        return o.add("Problems", problems)
                .add("LastDiscoveryLatency", checks.lastDiscoveryLatencyMillis() * 1_000_000L)
                .add("ReplicationGroupName", "")
                .add("ReplicationGroupIsSinglePrimary", false)
                .add("ReplicationGroupMemberState", "")
                .add("ReplicationGroupMemberRole", "")
                .add("ReplicationGroupMembers", Json.createArrayBuilder())
                .add("ReplicationGroupPrimaryInstanceKey", key(null))
                .build();
    }

    /** Orchestrator leaves the downtime fields empty (and ElapsedDowntime 0 ns) when there is none. */
    private static void addDowntime(JsonObjectBuilder o, InstanceAnnotations annotations, Instant now) {
        boolean downtimed = annotations.downtimed(now);
        Downtime d = annotations.downtime();
        o.add("IsDowntimed", downtimed)
                .add("DowntimeReason", downtimed ? d.reason() : "")
                .add("DowntimeOwner", downtimed ? d.owner() : "")
                .add("DowntimeEndTimestamp", downtimed ? TIMESTAMP.format(d.end()) : "")
                .add("ElapsedDowntime", downtimed ? d.elapsed(now).toSeconds() * 1_000_000_000L : 0);
    }

    /** Orchestrator's AncestryUUID: the UUIDs of the servers above, farthest first, then the server's own. */
    private static String ancestry(Instance instance) {
        List<String> uuids = new ArrayList<>(instance.lineage().ancestorUuids());
        Collections.reverse(uuids);
        uuids.add(instance.snapshot().serverUuid());
        return String.join(",", uuids.stream().filter(u -> !u.isEmpty()).toList());
    }

    /** MariaDB has no executed set; its current GTID position plays that part in listings. */
    private static String executedGtid(InstanceSnapshot s) {
        return s.gtid().executedGtidSet().isEmpty() ? s.gtid().mariaDbCurrentPos() : s.gtid().executedGtidSet();
    }
}
