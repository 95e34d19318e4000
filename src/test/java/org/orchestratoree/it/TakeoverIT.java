package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Planned and forced master changes on a real sandbox, judged by the servers themselves: a graceful takeover
 * round trip keeps every replica and every write, refused takeovers leave the master writable, and a forced
 * failover promotes a replica of a live master. Runs on the sandbox named by {@code sandbox.portBase} /
 * {@code sandbox.dir} and leaves it as it found it: the first member master of three replicas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TakeoverIT {

    private static final int PORT = 3940;
    private final Sandbox.Site site = Sandbox.site();
    private final int m = site.port(1);
    private final int r1 = site.port(2);
    private final int r2 = site.port(3);
    private final int r3 = site.port(4);
    private OrchestratorNode node;
    private int rows;
    private int promoted;

    @BeforeAll
    void start() throws IOException {
        site.recreate();
        site.sql(m, "CREATE TABLE IF NOT EXISTS sandbox.takeover (id INT PRIMARY KEY, written_on INT)");
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"MySQLReplicaUser\": \"repl\",\n  \"MySQLReplicaPassword\": \"repl\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"PreGracefulTakeoverProcesses\": [\"echo pre {failedPort} {successorPort} >> "
                + OrchestratorNode.NODE_DIR + "/hooks.log\"],\n"
                + "  \"PostGracefulTakeoverProcesses\": [\"echo post {failedPort} {successorPort} {isSuccessful} >> "
                + OrchestratorNode.NODE_DIR + "/hooks.log\"]\n}\n";
        node = OrchestratorNode.start(PORT, config);
        assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
        awaitMaster(m, List.of(r1, r2, r3));
    }

    @AfterAll
    void stop() throws IOException {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "TakeoverIT-node.log"), node.log());
        }
        site.recreate();
    }

    @Test
    @Order(1)
    void gracefulTakeoverRoundTripKeepsEveryReplicaAndWrite() throws IOException {
        Processes.Result there = node.client("-c", "graceful-master-takeover-auto", "-i", key(m), "-d", key(r1));
        assertEquals(0, there.exitCode(), there.stderr());
        assertEquals(key(r1), there.out());
        assertTopology(r1, List.of(m, r2, r3));
        awaitMaster(r1, List.of(m, r2, r3));
        String recovery = node.get("/api/audit-recovery").body();
        assertTrue(recovery.contains("\"Analysis\":\"GracefulMasterTakeover\""), recovery);
        assertTrue(recovery.contains("\"SuccessorKey\":{\"Hostname\":\"127.0.0.1\",\"Port\":" + r1 + "}"), recovery);

        Processes.Result back = node.client("-c", "graceful-master-takeover-auto", "-i", key(r1), "-d", key(m));
        assertEquals(0, back.exitCode(), back.stderr());
        assertEquals(key(m), back.out());
        assertTopology(m, List.of(r1, r2, r3));
        awaitMaster(m, List.of(r1, r2, r3));
        List<String> hooks = Files.readAllLines(node.dir.resolve("hooks.log"));
        assertEquals(List.of("pre " + m + " " + r1, "post " + m + " " + r1 + " true", "pre " + r1 + " " + m,
                "post " + r1 + " " + m + " true"), hooks);
    }

    @Test
    @Order(2)
    void takeoverToAReplicaOfAReplicaIsRefused() {
        Processes.Result relocate = node.client("-c", "relocate", "-i", key(r3), "-d", key(r2));
        assertEquals(0, relocate.exitCode(), relocate.stderr());
        Processes.Result refused = node.client("-c", "graceful-master-takeover", "-i", key(m), "-d", key(r3));
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("must be directly replicating from the master " + key(m)),
                refused.stderr());
        assertTrue(writable(m), "the master stays writable");
        assertEquals(0, node.client("-c", "relocate", "-i", key(r3), "-d", key(m)).exitCode());
        assertTopology(m, List.of(r1, r2, r3));
    }

    @Test
    @Order(3)
    void plainTakeoverWithoutTargetAmongSeveralReplicasIsRefused() {
        Processes.Result refused = node.client("-c", "graceful-master-takeover", "-i", key(m));
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("has 3 replicas. orchestrator cannot choose where to failover to"),
                refused.stderr());
        assertTrue(writable(m), "the master stays writable");
        assertTopology(m, List.of(r1, r2, r3));
    }

    @Test
    @Order(4)
    void forcedFailoverPromotesAReplicaOfALiveMaster() {
        awaitMaster(m, List.of(r1, r2, r3));
        Processes.Result failover = node.client("-c", "force-master-failover", "-i", key(m));
        assertEquals(0, failover.exitCode(), failover.stderr());
        int promoted = Integer.parseInt(failover.out().substring(failover.out().lastIndexOf(':') + 1));
        assertTrue(List.of(r1, r2, r3).contains(promoted), failover.out());
        List<Integer> others = List.of(r1, r2, r3).stream().filter(p -> p != promoted).toList();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "siblings below " + promoted,
                () -> writable(promoted) && others.stream().allMatch(p -> replicatesFrom(p, promoted)));
        assertTrue(site.status().lines().anyMatch(l -> l.startsWith(m + " ") && l.contains("running")),
                "the old master is still alive");
        write(promoted, List.of(promoted, others.get(0), others.get(1)));
        this.promoted = promoted;
    }

    @Test
    @Order(5)
    void forcedTakeoverAndManualRecoveryPromoteTheNamedReplica() {
        List<Integer> others = List.of(r1, r2, r3).stream().filter(p -> p != promoted).toList();
        int designated = others.get(0);
        int last = others.get(1);
        awaitMaster(promoted, others);
        Processes.Result takeover = node.client("-c", "force-master-takeover", "-i", key(promoted), "-d",
                key(designated));
        assertEquals(0, takeover.exitCode(), takeover.stderr());
        assertEquals(key(designated), takeover.out());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), last + " below " + designated,
                () -> writable(designated) && replicatesFrom(last, designated));

        awaitMaster(designated, List.of(last));
        site.kill(designated);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "dead master detected", () -> node.client("-c",
                "replication-analysis").lines().stream().anyMatch(l -> l.startsWith(key(designated) + " ")
                && l.contains("DeadMaster")));
        Processes.Result recover = node.client("-c", "recover", "-i", key(designated), "-d", key(last));
        assertEquals(0, recover.exitCode(), recover.stderr());
        assertEquals(key(last), recover.out());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), last + " writable", () -> writable(last));
    }

    /** The new master writable and taking writes, the others read-only and replicating every write from it. */
    private void assertTopology(int master, List<Integer> replicas) {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), master + " master of " + replicas,
                () -> writable(master) && replicas.stream().allMatch(p -> !writable(p) && replicatesFrom(p, master)));
        List<Integer> all = new java.util.ArrayList<>(replicas);
        all.add(master);
        write(master, all);
    }

    private void write(int master, List<Integer> everywhere) {
        int id = ++rows;
        site.sql(master, "INSERT INTO sandbox.takeover (id, written_on) VALUES (" + id + ", " + master + ")");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "row " + id + " everywhere", () -> everywhere.stream()
                .allMatch(p -> site.sql(p, "SELECT COUNT(*) FROM sandbox.takeover WHERE id = " + id).equals("1")));
    }

    /** The node sees the master with its replicas, so the next command starts from the servers' truth. */
    private void awaitMaster(int master, List<Integer> replicas) {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "node sees " + master + " as master",
                () -> node.client("-c", "which-cluster-master", "-i", key(master)).out().equals(key(master))
                        && node.client("-c", "which-replicas", "-i", key(master)).lines().size() == replicas.size());
    }

    private boolean writable(int port) {
        return ServerWritability.of(site).writable(port);
    }

    private boolean replicatesFrom(int port, int master) {
        return site.status().lines().anyMatch(l -> l.startsWith(port + " ") && l.contains("replica of " + master)
                && l.contains("IO=Yes SQL=Yes"));
    }

    private static String key(int port) {
        return "127.0.0.1:" + port;
    }
}
