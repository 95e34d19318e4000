package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.ReplicaStatus;

/**
 * Probes the project's MariaDB sandbox ({@code bin/sandbox up}: master 127.0.0.1:10111 and replicas on the
 * next three ports, MariaDB GTID, user ci/ci). System properties {@code sandbox.masterPort},
 * {@code sandbox.replicaCount} and {@code sandbox.command} point it at another sandbox with the same
 * contract.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcInstanceProbeIT {

    private static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_SECONDS = 2;
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));
    private static final int MASTER_PORT = Integer.getInteger("sandbox.masterPort", 10111);
    private static final int REPLICA_COUNT = Integer.getInteger("sandbox.replicaCount", 3);
    private static final InstanceKey MASTER = new InstanceKey(HOST, MASTER_PORT);

    private static TopologyConnections connections;
    private static JdbcInstanceProbe probe;

    @BeforeAll
    static void sandboxUp() throws Exception {
        sandbox("up");
        ProbeSettings settings = ProbeSettings.basic("ci", "ci", CONNECT_TIMEOUT_SECONDS, 10);
        connections = new TopologyConnections(settings);
        probe = new JdbcInstanceProbe(settings, connections);
        // a fresh sandbox may have no GTID event yet; one write gives every GTID position a value
        connections.execute(MASTER, c -> c.createStatement().executeUpdate(
                "CREATE DATABASE IF NOT EXISTS orchestrator_probe_it"));
        awaitHealthyTopology();
    }

    @AfterAll
    static void closeConnections() {
        if (connections != null) {
            connections.closeAll();
        }
    }

    @Test
    @Order(1)
    void masterIsAWritableHeadListingItsReplicas() throws Exception {
        InstanceSnapshot master = probe.probe(MASTER);
        assertEquals(MASTER, master.key());
        assertNull(master.replication(), "the sandbox master replicates from nobody");
        assertFalse(master.isReplica());
        assertFalse(master.readOnly());
        assertEquals(Flavor.MARIADB, master.version().flavor());
        assertTrue(master.version().version().contains("MariaDB"), master.version().version());
        assertEquals("", master.serverUuid(), "MariaDB has no server_uuid");
        assertTrue(master.serverId() > 0);
        // a sandbox made by this very test may be under a second old: compare with the server's own count
        long serverUptime = connections.execute(MASTER, c -> {
            try (var rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Uptime'")) {
                rs.next();
                return rs.getLong(2);
            }
        });
        assertTrue(Math.abs(serverUptime - master.uptimeSeconds()) <= 1,
                "probe read uptime " + master.uptimeSeconds() + ", server says " + serverUptime);
        assertTrue(master.binlog().logBinEnabled());
        assertFalse(master.selfCoordinates().isEmpty(), "binary logging is on");
        assertFalse(master.gtid().mariaDbBinlogPos().isEmpty(), master.gtid().toString());
        assertEquals("", master.gtid().executedGtidSet(), "Oracle GTID sets do not exist on MariaDB");
        assertFalse(master.gtid().usingMariaDbGtid(), "GTID use is a replica-side notion");
        assertEquals(replicaKeys(), List.copyOf(new TreeSet<>(master.replicaKeys())));
    }

    @Test
    @Order(2)
    void replicasFollowTheMasterWithMariaDbGtid() throws ProbeException {
        for (InstanceKey key : replicaKeys()) {
            InstanceSnapshot replica = probe.probe(key);
            ReplicaStatus r = replica.replication();
            assertNotNull(r, key + " has replication");
            assertEquals(MASTER, replica.masterKey(), key + " master");
            assertTrue(r.ioRunning(), key + " IO thread " + r.ioThread() + " " + r.lastIoError());
            assertTrue(r.sqlRunning(), key + " SQL thread " + r.sqlThread() + " " + r.lastSqlError());
            assertEquals(0, r.lastIoErrno());
            assertEquals(0, r.lastSqlErrno());
            assertNotNull(r.secondsBehindMaster(), key + " lag is known while replicating");
            assertTrue(r.usingGtid(), key + " uses GTID");
            assertTrue(replica.gtid().usingMariaDbGtid(), key + " uses MariaDB GTID");
            assertFalse(replica.gtid().mariaDbSlavePos().isEmpty(), key + " gtid_slave_pos");
            assertFalse(replica.gtid().mariaDbCurrentPos().isEmpty(), key + " gtid_current_pos");
            assertTrue(replica.readOnly(), key + " read_only");
            assertFalse(r.readCoordinates().isEmpty());
            assertFalse(r.execCoordinates().isEmpty());
            assertFalse(r.relayLogCoordinates().isEmpty());
            assertFalse(r.hasReplicationFilters());
            assertEquals(Flavor.MARIADB, replica.version().flavor());
            assertTrue(replica.serverId() > 0 && replica.serverId() != probe.probe(MASTER).serverId());
        }
    }

    @Test
    @Order(3)
    void connectionIsReusedAcrossProbes() throws Exception {
        probe.probe(MASTER);
        long first = connectionId(MASTER);
        probe.probe(MASTER);
        probe.probe(MASTER);
        assertEquals(first, connectionId(MASTER), "same server-side connection across probes");
    }

    @Test
    @Order(4)
    void detectionQueriesAndPatterns() throws ProbeException {
        ProbeSettings settings = new ProbeSettings("ci", "ci", CONNECT_TIMEOUT_SECONDS, 10, true,
                "SELECT 'sandbox-cluster'", "SELECT 'dc-east'", "", "", "^(\\d+)[.]",
                "SELECT no_such_column FROM no_such_table");
        try (TopologyConnections own = new TopologyConnections(settings)) {
            InstanceSnapshot master = new JdbcInstanceProbe(settings, own).probe(MASTER);
            assertEquals("sandbox-cluster", master.suggestedClusterAlias());
            assertEquals("dc-east", master.location().dataCenter());
            assertEquals("127", master.location().region(), "region from the hostname pattern");
            assertEquals("", master.location().physicalEnvironment(), "a failing optional query is ignored");
        }
    }

    @Test
    @Order(5)
    void rejectedCredentialsFailTheConnectAndCacheNothing() {
        ProbeSettings settings = ProbeSettings.basic("ci", "wrong-password", CONNECT_TIMEOUT_SECONDS, 10);
        try (TopologyConnections own = new TopologyConnections(settings)) {
            ProbeException e = assertThrows(ProbeException.class,
                    () -> new JdbcInstanceProbe(settings, own).probe(MASTER));
            assertTrue(e.connectFailure(), e.getMessage());
            assertTrue(e.getMessage().startsWith(MASTER + ": Could not connect: "), e.getMessage());
            assertTrue(e.getMessage().contains("Access denied"), e.getMessage());
            assertEquals(0, own.size());
        }
    }

    @Test
    @Order(10)
    void stoppedServerIsAConnectFailureWithinTheConnectTimeout() throws Exception {
        InstanceKey victim = replicaKeys().get(replicaKeys().size() - 1);
        probe.probe(victim); // leaves a cached connection, which the stop turns stale
        sandbox("stop", String.valueOf(victim.port()));
        try {
            long started = System.nanoTime();
            ProbeException e = assertThrows(ProbeException.class, () -> probe.probe(victim));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(e.connectFailure(), e.getMessage());
            assertTrue(e.getMessage().startsWith(victim + ": Could not connect: "), e.getMessage());
            assertTrue(elapsed.compareTo(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS + 1)) < 0, elapsed.toString());
        } finally {
            sandbox("start", String.valueOf(victim.port()));
            awaitHealthyTopology();
        }
        assertTrue(probe.probe(victim).replication().replicating(), "probing resumes after a restart");
    }

    private static List<InstanceKey> replicaKeys() {
        List<InstanceKey> keys = new ArrayList<>();
        for (int i = 1; i <= REPLICA_COUNT; i++) {
            keys.add(new InstanceKey(HOST, MASTER_PORT + i));
        }
        return keys;
    }

    private static long connectionId(InstanceKey key) throws SQLException {
        return connections.execute(key, c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** `up` and `start` may return before replicas have (re)connected and registered with the master. */
    private static void awaitHealthyTopology() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                if (probe.probe(MASTER).replicaKeys().size() == REPLICA_COUNT && allReplicating()) {
                    return;
                }
                last = "master lists " + probe.probe(MASTER).replicaKeys();
            } catch (ProbeException e) {
                last = e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("sandbox topology not healthy within 90s: " + last);
    }

    private static boolean allReplicating() throws ProbeException {
        for (InstanceKey key : replicaKeys()) {
            ReplicaStatus r = probe.probe(key).replication();
            if (r == null || !r.replicating()) {
                return false;
            }
        }
        return true;
    }

    private static void sandbox(String... args) throws IOException, InterruptedException {
        String command = System.getProperty("sandbox.command", "bin/sandbox");
        Path script = BASEDIR.resolve(command);
        assertTrue(Files.isExecutable(script), "sandbox script missing or not executable: " + script.toAbsolutePath());
        List<String> argv = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        argv.addAll(List.of(args));
        File log = Files.createTempFile("sandbox-", ".log").toFile();
        Process process = new ProcessBuilder(argv).directory(BASEDIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("sandbox " + String.join(" ", args) + " timed out; log " + log);
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        log.delete();
        assertEquals(0, process.exitValue(), "sandbox " + String.join(" ", args) + " failed:\n" + output);
    }
}
