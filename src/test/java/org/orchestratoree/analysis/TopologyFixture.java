package org.orchestratoree.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.ClusterPlacement;
import org.orchestratoree.topology.ErrantGtidRule;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.Location;
import org.orchestratoree.topology.ReplicaStatus;

/**
 * Builds one cluster of realistic {@link Instance} records: a MySQL 8.0 master with GTID auto-positioning
 * replicas, all probed a second ago and replicating, which each test then breaks in its own way.
 */
final class TopologyFixture {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final InstanceKey master;
    private final Map<InstanceKey, FixtureNode> nodes = new LinkedHashMap<>();

    private TopologyFixture(InstanceKey master) {
        this.master = master;
        nodes.put(master, new FixtureNode(master, null, master));
    }

    static TopologyFixture master(String key) {
        return new TopologyFixture(InstanceKey.parse(key));
    }

    /** Adds {@code count} replicas directly under the master, on the next free ports. */
    TopologyFixture replicas(int count) {
        return replicasOf(master.toString(), count);
    }

    TopologyFixture replicasOf(String parent, int count) {
        for (int i = 0; i < count; i++) {
            replica(nextKey().toString(), parent);
        }
        return this;
    }

    TopologyFixture replica(String key, String parent) {
        InstanceKey k = InstanceKey.parse(key);
        nodes.put(k, new FixtureNode(k, InstanceKey.parse(parent), master));
        return this;
    }

    /** Makes {@code key} (already a replica of the master) and the master replicate from each other. */
    TopologyFixture coMaster(String key) {
        FixtureNode other = node(key);
        FixtureNode head = nodes.get(master);
        head.masterKey = other.key;
        head.coMaster = true;
        other.coMaster = true;
        return this;
    }

    /** Applies a change to one instance. */
    TopologyFixture with(String key, Consumer<FixtureNode> change) {
        change.accept(node(key));
        return this;
    }

    /** Applies a change to every direct replica of {@code parent}. */
    TopologyFixture withReplicasOf(String parent, Consumer<FixtureNode> change) {
        InstanceKey p = InstanceKey.parse(parent);
        nodes.values().stream().filter(n -> p.equals(n.masterKey) && !n.key.equals(master)).forEach(change);
        return this;
    }

    TopologyFixture withReplicas(Consumer<FixtureNode> change) {
        return withReplicasOf(master.toString(), change);
    }

    List<String> replicaKeysOf(String parent) {
        InstanceKey p = InstanceKey.parse(parent);
        return nodes.values().stream().filter(n -> p.equals(n.masterKey)).map(n -> n.key.toString()).toList();
    }

    ClusterView view() {
        // masters first, so that each replica's errant GTIDs are worked out against its master's lineage, as
        // discovery does when it probes the replica
        List<FixtureNode> byDepth = new ArrayList<>(nodes.values());
        byDepth.sort(java.util.Comparator.comparingInt(n -> placement(n).replicationDepth()));
        java.util.Map<InstanceKey, Instance> built = new java.util.LinkedHashMap<>();
        for (FixtureNode n : byDepth) {
            InstanceSnapshot s = snapshot(n);
            ClusterPlacement p = placement(n);
            Instance master = n.masterKey == null ? null : built.get(n.masterKey);
            built.put(n.key, new Instance(s, p, n.checks(),
                    ErrantGtidRule.lineageOf(s, java.util.Optional.ofNullable(master), p.coMaster())));
        }
        List<Instance> instances = new ArrayList<>();
        nodes.keySet().forEach(k -> instances.add(built.get(k)));
        return new ClusterView(master.toString(), null, instances);
    }

    List<ReplicationAnalysis> analyze(AnalysisContext ctx) {
        return new ReplicationAnalyzer().analyze(view(), ctx);
    }

    List<ReplicationAnalysis> analyze() {
        return analyze(AnalysisContext.at(NOW));
    }

    /** The analysis of one instance, NoProblem included, so a test can assert any outcome. */
    ReplicationAnalysis analysisOf(String key) {
        return analysisOf(key, AnalysisContext.at(NOW));
    }

    ReplicationAnalysis analysisOf(String key, AnalysisContext ctx) {
        InstanceKey k = InstanceKey.parse(key);
        return analyze(ctx.includingNoProblem()).stream().filter(a -> a.analyzedInstanceKey().equals(k))
                .findFirst().orElseThrow(() -> new AssertionError("no analysis reported for " + key));
    }

    private FixtureNode node(String key) {
        FixtureNode n = nodes.get(InstanceKey.parse(key));
        if (n == null) {
            throw new IllegalArgumentException("no instance " + key + " in fixture");
        }
        return n;
    }

    private InstanceKey nextKey() {
        int port = nodes.keySet().stream().mapToInt(InstanceKey::port).max().orElse(master.port()) + 1;
        return new InstanceKey(master.hostname(), port);
    }

    private ClusterPlacement placement(FixtureNode n) {
        int depth = 0;
        for (FixtureNode up = n; up.masterKey != null && !up.key.equals(master) && depth < nodes.size(); depth++) {
            up = nodes.get(up.masterKey);
        }
        return new ClusterPlacement(master.toString(), depth, n.coMaster);
    }

    private InstanceSnapshot snapshot(FixtureNode n) {
        ReplicaStatus replication = n.masterKey == null ? null : new ReplicaStatus(n.masterKey,
                FixtureNode.uuid(n.masterKey), n.io, n.sql, n.ioErrno, n.ioError, 0, "", n.secondsBehind,
                n.sqlDelay, new BinlogCoordinates("mysql-bin.000003", 4_512_774),
                new BinlogCoordinates("mysql-bin.000003", 4_512_774),
                new BinlogCoordinates("relay-bin.000002", 4_513_001), n.oracleGtid, "", false);
        List<InstanceKey> replicaKeys = nodes.values().stream()
                .filter(r -> n.key.equals(r.masterKey)).map(r -> r.key).toList();
        return new InstanceSnapshot(n.key, n.key.port(), FixtureNode.uuid(n.key), n.version, n.readOnly, n.binlog,
                new BinlogCoordinates("mysql-bin.000003", 4_512_774), replication,
                new GtidState(n.gtidMode, n.executedGtidSet, "", !"OFF".equals(n.gtidMode),
                        n.oracleGtid && replication != null, n.mariaDbGtid, "", "", ""),
                n.semiSync, replicaKeys, 86_400, new Location("dc1", "eu-west", "prod"), "");
    }
}
