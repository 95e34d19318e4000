package org.orchestratoree.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestratoree.config.BackendSettings;
import org.orchestratoree.topology.AuditEntry;
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
import org.orchestratoree.topology.TestInstances;

/** Repositories against a real SQLite file. */
class SqliteBackendTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00.123Z");

    @TempDir
    Path dir;

    private Backend backend;
    private InstanceRepository instances;

    @BeforeEach
    void open() {
        backend = Backend.open(new BackendSettings(BackendSettings.BackendType.SQLITE,
                dir.resolve("sub/orchestrator.sqlite3").toString(), "", 0, "", "", "", 5));
        assertEquals(SchemaMigrations.VERSIONS.size(), new SchemaMigrations(backend).migrate());
        instances = new InstanceRepository(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    /** Every field differs from its default, so a column mix-up in bind or read shows. */
    static Instance fullyPopulated(String key, Long secondsBehind) {
        ReplicaStatus replication = new ReplicaStatus(InstanceKey.parse("master.local:3307"), "master-uuid-1",
                ReplicationThreadState.RUNNING, ReplicationThreadState.OTHER, 1045, "io error text", 1062,
                "sql error text", secondsBehind, 3600, new BinlogCoordinates("mysql-bin.000011", 1111),
                new BinlogCoordinates("mysql-bin.000010", 2222), new BinlogCoordinates("relay-bin.000003", 3333),
                true, "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5", true);
        InstanceSnapshot snapshot = new InstanceSnapshot(InstanceKey.parse(key), 4242, "self-uuid-2",
                ServerVersion.of("8.0.35-27", "Percona Server (GPL), Release 27"), true,
                new BinlogSettings(true, true, "MIXED", "MINIMAL"), new BinlogCoordinates("mysql-bin.000020", 4444),
                replication,
                new GtidState("ON", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-3",
                        true, true, true, "0-1-10", "0-1-9", "0-1-11", "0-2-4,0-1-10"),
                new SemiSyncState(true, true, true, true, 3, 2, 10_000),
                List.of(InstanceKey.parse("r1.local:3306"), InstanceKey.parse("r2.local:3308")), 86_400,
                new Location("dc1", "eu-west", "prod"), "shop");
        return new Instance(snapshot, new ClusterPlacement("master.local:3307", 1, true),
                new CheckTimes(T, T.minusSeconds(1), T.minusMillis(1500), true, 37),
                new GtidLineage(List.of("master-uuid-1", "top-uuid-0"), List.of(7L, 3L), "self-uuid-2:1-4"));
    }

    @Test
    void migrationsAreIdempotent() {
        assertEquals(0, new SchemaMigrations(backend).migrate());
        assertEquals(0, new SchemaMigrations(backend).migrate());
        assertTrue(backend.isReachable());
        assertEquals(SqlDialect.SQLITE, backend.dialect());
    }

    @Test
    void fullyPopulatedInstanceRoundTripsWithLag() {
        Instance saved = fullyPopulated("db1.local:3306", 12L);
        instances.save(saved);
        assertEquals(Optional.of(saved), instances.find(saved.key()));
    }

    @Test
    void fullyPopulatedInstanceRoundTripsWithNullLag() {
        Instance saved = fullyPopulated("db1.local:3306", null);
        instances.save(saved);
        Instance read = instances.find(saved.key()).orElseThrow();
        assertNull(read.snapshot().replication().secondsBehindMaster());
        assertEquals(saved, read);
    }

    @Test
    void masterWithNeverSeenChecksRoundTrips() {
        Instance master = new Instance(InstanceSnapshot.unprobed(InstanceKey.parse("db9:3306")),
                ClusterPlacement.headOf(InstanceKey.parse("db9:3306")), CheckTimes.NEVER);
        instances.save(master);
        Instance read = instances.find(master.key()).orElseThrow();
        assertEquals(master, read);
        assertNull(read.snapshot().replication());
        assertTrue(read.isMaster());
    }

    @Test
    void saveAgainReplacesTheRow() {
        instances.save(fullyPopulated("db1.local:3306", 12L));
        Instance promoted = TestInstances.master("db1.local:3306");
        instances.save(promoted);
        assertEquals(Optional.of(promoted), instances.find(promoted.key()));
        assertEquals(1, instances.findAll().size());
    }

    @Test
    void markCheckFailedKeepsTheSnapshot() {
        Instance saved = fullyPopulated("db1.local:3306", 12L);
        instances.save(saved);
        Instant attempted = T.plusSeconds(10);
        Instant checked = T.plusSeconds(12);
        assertTrue(instances.markCheckFailed(saved.key(), attempted, checked));
        Instance read = instances.find(saved.key()).orElseThrow();
        assertEquals(saved.snapshot(), read.snapshot());
        assertEquals(saved.placement(), read.placement());
        assertEquals(new CheckTimes(checked, saved.checks().lastSeen(), attempted, false, 37), read.checks());
        assertFalse(instances.markCheckFailed(InstanceKey.parse("nobody:3306"), attempted, checked));
        assertEquals(Optional.empty(), instances.find(InstanceKey.parse("nobody:3306")));
    }

    private void saveCluster() {
        instances.save(TestInstances.master("a.local:3306", "b.local:3306", "c.local:3306"));
        instances.save(TestInstances.replica("c.local:3306", "a.local:3306", 1, "a.local:3306"));
        instances.save(TestInstances.replica("b.local:3306", "a.local:3306", 1, "a.local:3306"));
        instances.save(TestInstances.replica("d.local:3306", "b.local:3306", 2, "a.local:3306"));
        instances.save(TestInstances.master("z.local:3306"));
    }

    private static List<String> keys(List<Instance> list) {
        return list.stream().map(i -> i.key().toString()).toList();
    }

    @Test
    void findByClusterOrdersByDepthThenKey() {
        saveCluster();
        assertEquals(List.of("a.local:3306", "b.local:3306", "c.local:3306", "d.local:3306"),
                keys(instances.findByCluster("a.local:3306")));
        assertEquals(List.of("z.local:3306"), keys(instances.findByCluster("z.local:3306")));
        assertEquals(List.of(), instances.findByCluster("nope:1"));
    }

    @Test
    void findReplicasOf() {
        saveCluster();
        assertEquals(List.of("b.local:3306", "c.local:3306"), keys(instances.findReplicasOf(InstanceKey.parse("a.local:3306"))));
        assertEquals(List.of("d.local:3306"), keys(instances.findReplicasOf(InstanceKey.parse("b.local:3306"))));
        assertEquals(List.of(), instances.findReplicasOf(InstanceKey.parse("d.local:3306")));
    }

    @Test
    void search() {
        saveCluster();
        instances.save(fullyPopulated("p.local:3310", 1L));
        assertEquals(List.of("a.local:3306", "b.local:3306", "c.local:3306", "d.local:3306"),
                keys(instances.search("a.local"))); // by cluster name
        assertEquals(List.of("d.local:3306"), keys(instances.search("d.local")));
        assertEquals(List.of("p.local:3310"), keys(instances.search("Percona"))); // version comment
        assertEquals(List.of("p.local:3310"), keys(instances.search("shop"))); // suggested alias
        assertEquals(List.of("p.local:3310"), keys(instances.search("3310"))); // port
        assertEquals(List.of("p.local:3310"), keys(instances.search("4242"))); // server id
        assertEquals(List.of(), instances.search("no-such-thing"));
    }

    @Test
    void deleteAndDeleteCluster() {
        saveCluster();
        assertTrue(instances.delete(InstanceKey.parse("d.local:3306")));
        assertFalse(instances.delete(InstanceKey.parse("d.local:3306")));
        assertEquals(3, instances.deleteCluster("a.local:3306"));
        assertEquals(List.of("z.local:3306"), keys(instances.findAll()));
        assertEquals(0, instances.deleteCluster("a.local:3306"));
    }

    @Test
    void deleteUnseenSince() {
        Instant old = T.minusSeconds(3600 * 300);
        Instance stale = new Instance(TestInstances.snapshot("old.local:3306", null),
                ClusterPlacement.headOf(InstanceKey.parse("old.local:3306")), new CheckTimes(T, old, T, false, 0));
        Instance fresh = new Instance(TestInstances.snapshot("new.local:3306", null),
                ClusterPlacement.headOf(InstanceKey.parse("new.local:3306")), new CheckTimes(T, T, T, true, 0));
        instances.save(stale);
        instances.save(fresh);
        assertEquals(0, instances.deleteUnseenSince(old)); // strictly before the cut-off
        assertEquals(1, instances.deleteUnseenSince(T.minusSeconds(3600 * 240)));
        assertEquals(List.of("new.local:3306"), keys(instances.findAll()));
    }

    @Test
    void auditIsPagedNewestFirst() {
        AuditRepository audit = new AuditRepository(backend);
        InstanceKey a = InstanceKey.parse("a.local:3306");
        for (int i = 1; i <= 5; i++) {
            audit.append("discover", a, "a.local:3306", "message " + i);
        }
        audit.append("forget-cluster", null, "z.local:3306", "no instance");
        List<AuditEntry> first = audit.page(0, 4, null);
        assertEquals(List.of("no instance", "message 5", "message 4", "message 3"),
                first.stream().map(AuditEntry::message).toList());
        AuditEntry newest = first.get(0);
        assertNull(newest.key());
        assertEquals("forget-cluster", newest.type());
        assertEquals("z.local:3306", newest.clusterName());
        assertTrue(first.get(0).id() > first.get(1).id());
        assertEquals(List.of("message 2", "message 1"), audit.page(1, 4, null).stream().map(AuditEntry::message).toList());
        assertEquals(List.of(), audit.page(2, 4, null));
        List<AuditEntry> ofA = audit.page(0, 10, a);
        assertEquals(5, ofA.size());
        assertEquals(a, ofA.get(0).key());
        assertEquals("message 5", ofA.get(0).message());
        assertTrue(Math.abs(ofA.get(0).timestamp().toEpochMilli() - System.currentTimeMillis()) < 60_000);
    }

    @Test
    void clusterAliasesUpsertListAndDelete() {
        ClusterAliasRepository aliases = new ClusterAliasRepository(backend);
        aliases.register("b.local:3306", "beta");
        aliases.register("a.local:3306", "first");
        aliases.register("a.local:3306", "alpha");
        assertEquals(List.of(Map.entry("a.local:3306", "alpha"), Map.entry("b.local:3306", "beta")),
                List.copyOf(aliases.all().entrySet()));
        aliases.deleteCluster("a.local:3306");
        assertEquals(Map.of("b.local:3306", "beta"), aliases.all());
    }

    @Test
    void nodeHealthHeartbeatAndActiveSince() {
        NodeHealthRepository health = new NodeHealthRepository(backend);
        long before = System.currentTimeMillis();
        health.heartbeat("node-b", "token-1", 1000, "0.1.0");
        health.heartbeat("node-a", "token-2", 2000, "0.1.0");
        health.heartbeat("node-a", "token-2", 2000, "0.1.1"); // upsert
        List<NodeHealthRepository.NodeHealth> active = health.activeSince(before);
        assertEquals(List.of("node-a", "node-b"), active.stream().map(NodeHealthRepository.NodeHealth::hostname).toList());
        assertEquals("0.1.1", active.get(0).appVersion());
        assertEquals("token-2", active.get(0).token());
        assertEquals(backend.description(), active.get(0).dbBackend());
        assertTrue(active.get(0).lastSeenActive() >= before);
        assertEquals(List.of(), health.activeSince(System.currentTimeMillis() + 60_000));
    }
}
