package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes sharing a real 3-node Galera cluster (multi-writer, node N on Galera node N), watching the
 * sandbox: one leader, shared state, the leader's crash, the loss of the leader's Galera node, the loss of the
 * Galera quorum, and a master failover while the leadership moves. The nodes are shared by the scenarios,
 * which run in order; the later ones kill nodes for good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedBackendGroupIT {

    private static final int HTTP_BASE = Integer.getInteger("galera.httpBase", 4710);
    private static final int EXPIRE_SECONDS = 3;
    /** Start-up on a busy 2-core machine, with other JVMs starting beside it. */
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private final Sandbox.Site sandbox = Sandbox.site();
    private final Galera galera = new Galera();
    /** Node N (1..3) at index N-1; null once a scenario killed it. */
    private final List<OrchestratorNode> nodes = new ArrayList<>(List.of());

    private String config(int n) {
        return "{\n  \"ListenAddress\": \":" + (HTTP_BASE + n) + "\",\n"
                + "  \"HTTPAdvertise\": \"http://127.0.0.1:" + (HTTP_BASE + n) + "\",\n"
                + "  \"BackendDB\": \"mysql\",\n  \"MySQLOrchestratorHost\": \"127.0.0.1\",\n"
                + "  \"MySQLOrchestratorPort\": " + galera.port(n) + ",\n"
                + "  \"MySQLOrchestratorDatabase\": \"orchestrator\",\n"
                + "  \"MySQLOrchestratorUser\": \"orc\",\n  \"MySQLOrchestratorPassword\": \"orc\",\n"
                + "  \"BackendUnreachableExitSeconds\": 900,\n"
                + "  \"ActiveNodeExpireSeconds\": " + EXPIRE_SECONDS + ",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"],\n  \"RecoveryPeriodBlockSeconds\": 3600\n}\n";
    }

    @BeforeAll
    void start() throws Exception {
        galera.down();
        galera.up();
        sandbox.recreate();
        // the first node migrates the schema alone, the two others start together
        nodes.add(OrchestratorNode.start(HTTP_BASE + 1, config(1), List.of(), STARTUP));
        CompletableFuture<OrchestratorNode> second = CompletableFuture.supplyAsync(() -> startNode(2));
        CompletableFuture<OrchestratorNode> third = CompletableFuture.supplyAsync(() -> startNode(3));
        nodes.add(second.join());
        nodes.add(third.join());
        assertEquals(200, nodes.get(1).get("/api/discover/127.0.0.1/" + sandbox.port(1)).status());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(60), "every node sees the sandbox's four instances and is ready",
                () -> nodes.stream().allMatch(node -> node.client("-c", "all-instances").lines().size() == 4
                        && node.get("/health/ready").status() == 200));
    }

    private OrchestratorNode startNode(int n) {
        try {
            return OrchestratorNode.start(HTTP_BASE + n, config(n), List.of(), STARTUP);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    void stop() throws IOException {
        for (int i = 0; i < nodes.size(); i++) {
            OrchestratorNode node = nodes.get(i);
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "SharedBackendGroupIT-node" + (i + 1) + ".log"), node.log());
            }
        }
        galera.down();
        sandbox.recreate();
    }

    /** leader-check status of node n, or -1 when it did not answer. */
    private int leaderCheck(int n) {
        try {
            return nodes.get(n - 1).get("/api/leader-check").status();
        } catch (AssertionError e) {
            return -1;
        }
    }

    private List<Integer> alive() {
        return IntStream.rangeClosed(1, 3).filter(n -> nodes.get(n - 1) != null).boxed().toList();
    }

    /** The nodes answering leader-check 200; every living node must answer, or the sample proves nothing. */
    private List<Integer> leaders() {
        List<Integer> leaders = new ArrayList<>();
        for (int n : alive()) {
            int status = leaderCheck(n);
            assertNotEquals(-1, status, "node" + n + " did not answer leader-check");
            if (status == 200) {
                leaders.add(n);
            }
        }
        return leaders;
    }

    private int awaitOneLeader(Duration timeout) {
        OrchestratorNode.awaitTrue(timeout, "exactly one node answers leader-check 200",
                () -> leaders().size() == 1);
        return leaders().get(0);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private JsonObject health(int n) {
        return json(nodes.get(n - 1).get("/api/health").body());
    }

    private static boolean writable(Sandbox.Site site, int port) {
        try {
            return site.sql(port, "SELECT @@read_only").equals("0");
        } catch (AssertionError e) {
            return false;
        }
    }

    @Test
    @Order(1)
    void oneLeaderEveryNodeListedAndStateSharedByAll() {
        int leader = awaitOneLeader(Duration.ofSeconds(20));
        for (int n = 1; n <= 3; n++) {
            JsonObject h = health(n);
            assertEquals("OK", h.getString("Code"), h.toString());
            JsonObject details = h.getJsonObject("Details");
            assertEquals(n == leader, details.getBoolean("IsActiveNode"), "node" + n + ": " + h);
            assertEquals("http://127.0.0.1:" + (HTTP_BASE + leader),
                    details.getJsonObject("ActiveNode").getString("HTTPAdvertise"), h.toString());
            JsonArray available = details.getJsonArray("AvailableNodes");
            assertEquals(List.of(1, 2, 3).stream().map(m -> "http://127.0.0.1:" + (HTTP_BASE + m)).toList(),
                    available.stream().map(v -> v.asJsonObject().getString("HTTPAdvertise")).sorted().toList(),
                    "node" + n + " lists the three nodes: " + h);
        }
        int follower = leader % 3 + 1;
        String replica = "127.0.0.1/" + sandbox.port(3);
        assertEquals(200, nodes.get(follower - 1).get("/api/begin-downtime/" + replica + "/it/shared/10m").status());
        try {
            for (int n = 1; n <= 3; n++) {
                String downtimed = nodes.get(n - 1).get("/api/downtimed").body();
                assertTrue(downtimed.contains("\"Port\":" + sandbox.port(3)), "node" + n + " sees the downtime "
                        + "set on node" + follower + ": " + downtimed);
            }
        } finally {
            assertEquals(200, nodes.get(leader - 1).get("/api/end-downtime/" + replica).status());
        }
    }

    @Test
    @Order(4)
    void withoutGaleraQuorumNobodyLeadsOrRecoversAndTheApiSaysWhy() {
        int leader = awaitOneLeader(Duration.ofSeconds(20));
        int recordedBefore = recoveryCount(leader);
        // every Galera node but the leader's: the leader's is left alone, outside any Primary component
        List<Integer> lost = IntStream.rangeClosed(1, 3).filter(n -> n != leader).boxed().toList();
        List<Integer> others = alive().stream().filter(n -> n != leader).toList();
        lost.forEach(galera::kill);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(EXPIRE_SECONDS + 5L), "no node leads without quorum",
                () -> leaders().isEmpty());
        JsonObject h = health(leader);
        assertEquals("ERROR", h.getString("Code"), h.toString());
        // read from wsrep_cluster_status, or from the refused write when that came first
        assertTrue(h.getString("Message").toLowerCase(java.util.Locale.ROOT).contains("primary component"), h.toString());
        assertEquals(503, nodes.get(leader - 1).get("/health/ready").status());
        for (int n : others) {
            JsonObject o = health(n);
            assertEquals("ERROR", o.getString("Code"), "node" + n + " without its Galera node: " + o);
        }
        // a master that dies now must not be failed over by anyone; the whole window is watched
        sandbox.kill(sandbox.port(1));
        Instant end = Instant.now().plusSeconds(10);
        int samples = 0;
        while (Instant.now().isBefore(end)) {
            assertEquals(List.of(), leaders(), "a node led without Galera quorum");
            for (int m = 2; m <= 4; m++) {
                // asked on the server itself; a server that cannot be asked fails the test
                assertEquals("1", sandbox.sql(sandbox.port(m), "SELECT @@read_only"), "replica " + sandbox.port(m)
                        + " was promoted without Galera quorum");
            }
            samples++;
            OrchestratorNode.sleep(300);
        }
        assertTrue(samples >= 10, "watched " + samples + " samples over 10 s");
        sandbox.start(sandbox.port(1));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "the replicas replicate from the restarted master",
                () -> IntStream.rangeClosed(2, 4).allMatch(m -> sandbox.replicatesFrom(sandbox.port(m), sandbox.port(1))));
        lost.forEach(galera::start);
        awaitOneLeader(Duration.ofSeconds(30));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "every node is healthy again",
                () -> alive().stream().allMatch(n -> "OK".equals(health(n).getString("Code"))));
        assertEquals(recordedBefore, recoveryCount(leader), "no recovery was recorded");
    }

    private int recoveryCount(int n) {
        String body = nodes.get(n - 1).get("/api/audit-recovery").body();
        return json("{\"r\":" + body + "}").getJsonArray("r").size();
    }

    @Test
    @Order(3)
    void losingTheLeadersGaleraNodeMovesTheLead() {
        int leader = awaitOneLeader(Duration.ofSeconds(20));
        galera.kill(leader);
        Instant deadline = Instant.now().plusSeconds(EXPIRE_SECONDS + 10L);
        List<Integer> now = List.of(leader);
        while (Instant.now().isBefore(deadline)) {
            now = leaders();
            assertTrue(now.size() <= 1, "two leaders at once: " + now);
            if (now.size() == 1 && now.get(0) != leader) {
                break;
            }
            OrchestratorNode.sleep(100);
        }
        assertEquals(1, now.size(), "a new leader");
        assertNotEquals(leader, now.get(0), "the lead moved away from the node whose Galera node died");
        assertEquals("ERROR", health(leader).getString("Code"));
        galera.start(leader);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "node" + leader + " healthy again on its rejoined Galera node",
                () -> "OK".equals(health(leader).getString("Code")));
        assertEquals(1, leaders().size());
    }

    @Test
    @Order(5)
    void aKilledLeaderIsReplacedWithinTheLeaseExpiryPlusOneSecond() throws InterruptedException {
        int leader = awaitOneLeader(Duration.ofSeconds(20));
        Instant killed = Instant.now();
        nodes.get(leader - 1).crash();
        nodes.set(leader - 1, null);
        Duration bound = Duration.ofSeconds(EXPIRE_SECONDS + 1L);
        List<Integer> now = List.of();
        while (Duration.between(killed, Instant.now()).compareTo(bound.plusSeconds(2)) < 0) {
            now = leaders();
            assertTrue(now.size() <= 1, "two leaders at once: " + now);
            if (now.size() == 1) {
                break;
            }
            OrchestratorNode.sleep(100);
        }
        Duration handover = Duration.between(killed, Instant.now());
        assertEquals(1, now.size(), "a new leader after " + handover.toMillis() + " ms");
        assertTrue(handover.compareTo(bound) <= 0, "new leader after " + handover.toMillis() + " ms, more than "
                + bound.toMillis() + " ms");
        System.out.println("SharedBackendGroupIT: handover after kill -9 of the leader: " + handover.toMillis() + " ms");
    }

    @Test
    @Order(2)
    void aMasterKilledWhileTheLeadMovesIsFailedOverExactlyOnce() throws InterruptedException {
        int leader = awaitOneLeader(Duration.ofSeconds(20));
        int survivor = alive().stream().filter(n -> n != leader).findFirst().orElseThrow();
        sandbox.kill(sandbox.port(1));
        nodes.get(leader - 1).crash();
        nodes.set(leader - 1, null);
        List<Integer> replicas = List.of(sandbox.port(2), sandbox.port(3), sandbox.port(4));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(40), "a replica is promoted by the new leader",
                () -> replicas.stream().anyMatch(p -> writable(sandbox, p)));
        // watch a while: no second promotion, and the others end below the promoted one
        Instant end = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(end)) {
            List<Integer> promoted = replicas.stream().filter(p -> writable(sandbox, p)).toList();
            assertEquals(1, promoted.size(), "exactly one promoted replica: " + promoted);
            OrchestratorNode.sleep(500);
        }
        int promoted = replicas.stream().filter(p -> writable(sandbox, p)).findFirst().orElseThrow();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the other replicas replicate from " + promoted,
                () -> replicas.stream().filter(p -> p != promoted).allMatch(p -> sandbox.replicatesFrom(p, promoted)));
        JsonArray recoveries = Json.createReader(new StringReader(
                nodes.get(survivor - 1).get("/api/audit-recovery").body())).readArray();
        List<String> ofMaster = recoveries.stream().map(v -> v.asJsonObject())
                .filter(r -> r.getJsonObject("AnalysisEntry").getJsonObject("AnalyzedInstanceKey")
                        .getInt("Port") == sandbox.port(1))
                .map(r -> r.getString("UID")).collect(Collectors.toList());
        assertEquals(1, ofMaster.size(), "one recovery record of the dead master: " + recoveries);
        assertEquals(Map.of("successor", promoted), Map.of("successor", recoveries.get(0).asJsonObject()
                .getJsonObject("SuccessorKey").getInt("Port")));
        // the scenarios after this one start from the sandbox's first shape again
        sandbox.recreate();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(60), "the nodes see the recreated sandbox's master",
                () -> alive().stream().allMatch(n -> nodes.get(n - 1).client("-c", "which-cluster-master", "-i",
                        sandbox.key(2)).out().equals(sandbox.key(1))));
    }
}
