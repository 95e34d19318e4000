package org.orchestratoree.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Builders for topology values shared by the unit tests of several packages. */
public final class TestInstances {

    /** A fixed "now", whole milliseconds so it survives the backend's epoch-millis columns. */
    public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    public static final Duration POLL = Duration.ofSeconds(5);

    private TestInstances() {
    }

    public static InstanceKey key(String text) {
        return InstanceKey.parse(text);
    }

    public static ReplicaStatus replicating(String master, Long secondsBehind) {
        return replication(master, ReplicationThreadState.RUNNING, ReplicationThreadState.RUNNING, secondsBehind, 0);
    }

    public static ReplicaStatus replication(String master, ReplicationThreadState io, ReplicationThreadState sql,
                                            Long secondsBehind, long sqlDelay) {
        return new ReplicaStatus(key(master), "uuid-of-" + master, io, sql, 0, "", 0, "", secondsBehind, sqlDelay,
                new BinlogCoordinates("mysql-bin.000001", 100), new BinlogCoordinates("mysql-bin.000001", 100),
                new BinlogCoordinates("relay.000002", 200), false, "", false);
    }

    /** A MySQL 8.0.36 server with binlog ROW; masters log replica updates (">>"), replicas are read-only. */
    public static InstanceSnapshot snapshot(String key, ReplicaStatus replication, String... replicaKeys) {
        boolean master = replication == null;
        return new InstanceSnapshot(key(key), 100 + key(key).port(), "uuid-" + key,
                ServerVersion.of("8.0.36", "MySQL Community Server - GPL"), !master,
                new BinlogSettings(true, master, "ROW", "FULL"), new BinlogCoordinates("mysql-bin.000001", 100),
                replication, GtidState.NONE, SemiSyncState.NONE,
                Arrays.stream(replicaKeys).map(InstanceKey::parse).toList(), 3600, Location.UNKNOWN, "");
    }

    public static CheckTimes freshChecks() {
        return new CheckTimes(NOW, NOW, NOW, true, 12);
    }

    public static Instance instance(InstanceSnapshot snapshot, String cluster, int depth, CheckTimes checks) {
        return new Instance(snapshot, new ClusterPlacement(cluster, depth, false), checks);
    }

    public static Instance master(String key, String... replicas) {
        return instance(snapshot(key, null, replicas), key, 0, freshChecks());
    }

    public static Instance replica(String key, String master, int depth, String cluster) {
        return instance(snapshot(key, replicating(master, 0L)), cluster, depth, freshChecks());
    }

    public static List<Instance> list(Instance... instances) {
        return List.of(instances);
    }
}
