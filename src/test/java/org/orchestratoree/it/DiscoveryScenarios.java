package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
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
 * The core use cases against the real sandbox and a node on a real Payara Micro, driven through the API and
 * bin/orchestrator-client. Subclasses choose the backend; the scenarios must hold for each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DiscoveryScenarios {

    static final int POLL_SECONDS = 2;
    static final Duration TWO_POLLS = Duration.ofSeconds(2 * POLL_SECONDS);
    static final List<String> REPLICAS = List.of("127.0.0.1:10112", "127.0.0.1:10113", "127.0.0.1:10114");

    OrchestratorNode node;

    abstract int port();

    /** JSON members (each line ending with a comma) that select the backend. */
    abstract String backendConfig();

    void prepareBackend() {
    }

    @BeforeAll
    void startNode() throws IOException {
        Sandbox.up();
        prepareBackend();
        node = OrchestratorNode.start(port(), OrchestratorNode.config(port(), backendConfig(), POLL_SECONDS));
    }

    @AfterAll
    void stopNode() throws IOException {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", getClass().getSimpleName() + "-node.log"), node.log());
        }
    }

    static JsonStructure json(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    JsonObject instance(String key) {
        OrchestratorNode.Response r = node.get("/api/instance/" + key.replace(':', '/'));
        assertEquals(200, r.status(), r.body());
        return json(r.body()).asJsonObject();
    }

    int knownInstances() {
        return json(node.get("/api/all-instances").body()).asJsonArray().size();
    }

    @Test
    @Order(1)
    void discoverMakesTheWholeTopologyKnownWithinTwoPollIntervals() {
        Processes.Result discover = node.client("-c", "discover", "-i", Sandbox.MASTER);
        assertEquals(0, discover.exitCode(), discover.stderr());
        assertEquals(Sandbox.MASTER, discover.out());
        OrchestratorNode.awaitTrue(TWO_POLLS, "all four sandbox instances known", () -> knownInstances() == 4);
    }

    @Test
    @Order(2)
    void topologyTabulatedShowsTheMasterAndThreeHealthyReplicas() {
        OrchestratorNode.awaitTrue(TWO_POLLS, "all replicas listed healthy", () -> {
            List<String> lines = node.client("-c", "topology-tabulated", "-i", Sandbox.MASTER).lines();
            return lines.size() == 4 && lines.stream().skip(1).allMatch(l -> l.startsWith("+ ") && l.contains("|0s|ok|"));
        });
        List<String> lines = node.client("-c", "topology-tabulated", "-i", Sandbox.MASTER).lines();
        assertTrue(lines.get(0).startsWith(Sandbox.MASTER + " "), lines.get(0));
        assertTrue(lines.get(0).contains("|0s|ok|"), lines.get(0));
        assertTrue(lines.get(0).contains("|rw|ROW|"), lines.get(0));
        for (int i = 0; i < 3; i++) {
            assertTrue(lines.get(i + 1).startsWith("+ " + REPLICAS.get(i) + "|"), lines.get(i + 1));
            assertTrue(lines.get(i + 1).contains("|ro|ROW|>>,GTID"), lines.get(i + 1));
        }
        String plain = node.client("-c", "topology", "-i", Sandbox.MASTER).out();
        assertTrue(plain.startsWith(Sandbox.MASTER + "   [0s,ok,"), plain);
        assertTrue(plain.contains("+ 127.0.0.1:10112 [0s,ok,"), plain);
    }

    @Test
    @Order(3)
    void clientAnswersWhoReplicatesFromWhom() {
        assertEquals(REPLICAS, node.client("-c", "which-replicas", "-i", Sandbox.MASTER).lines());
        assertEquals(Sandbox.MASTER, node.client("-c", "which-cluster-master", "-i", Sandbox.MASTER).out());
        assertEquals(Sandbox.MASTER, node.client("-c", "which-cluster-master", "-i", "127.0.0.1:10113").out());
        assertEquals(Sandbox.MASTER, node.client("-c", "which-master", "-i", "127.0.0.1:10112").out());
        assertEquals(Sandbox.MASTER, node.client("-c", "which-cluster", "-i", "127.0.0.1:10114").out());
        assertEquals("127.0.0.1:10113", node.client("-c", "instance", "-i", "127.0.0.1:10113").out());
        assertEquals(List.of(Sandbox.MASTER), node.client("-c", "clusters").lines());
        assertEquals(4, node.client("-c", "which-cluster-instances", "-i", Sandbox.MASTER).lines().size());
        assertEquals(4, node.client("-c", "all-instances").lines().size());
        assertEquals(List.of("127.0.0.1:10112"), node.client("-c", "search", "-i", "10112").lines());
    }

    @Test
    @Order(4)
    void instanceJsonCarriesOrchestratorsFields() {
        JsonObject replica = instance("127.0.0.1:10112");
        assertEquals(Sandbox.MASTER, replica.getString("ClusterName"));
        assertEquals(1, replica.getInt("ReplicationDepth"));
        assertTrue(replica.getBoolean("ReadOnly"));
        assertTrue(replica.getBoolean("ReplicationSQLThreadRuning"));
        assertTrue(replica.getBoolean("ReplicationIOThreadRuning"));
        assertEquals(1, replica.getInt("ReplicationIOThreadState"));
        assertTrue(replica.getBoolean("UsingMariaDBGTID"));
        assertTrue(replica.getBoolean("IsLastCheckValid"));
        assertTrue(replica.getBoolean("IsUpToDate"));
        assertEquals("MariaDB", replica.getString("FlavorName"));
        assertEquals(10111, replica.getJsonObject("MasterKey").getInt("Port"));
        assertTrue(replica.getJsonObject("SecondsBehindMaster").getBoolean("Valid"));
        JsonObject master = instance(Sandbox.MASTER);
        assertFalse(master.getBoolean("ReadOnly"));
        assertEquals(0, master.getInt("ReplicationDepth"));
        assertEquals(3, master.getJsonArray("Replicas").size());
        assertEquals(-1, master.getInt("ReplicationIOThreadState"));
        assertFalse(master.getJsonObject("SecondsBehindMaster").getBoolean("Valid"));
    }

    @Test
    @Order(5)
    void aStoppedReplicaTurnsInvalidAndRecovers() {
        Sandbox.stop(10114);
        OrchestratorNode.awaitTrue(TWO_POLLS, "10114 last check invalid after its server stopped",
                () -> !instance("127.0.0.1:10114").getBoolean("IsLastCheckValid"));
        assertTrue(node.client("-c", "topology-tabulated", "-i", Sandbox.MASTER).out()
                .contains("127.0.0.1:10114|unknown|invalid|"));
        Sandbox.start(10114);
        OrchestratorNode.awaitTrue(TWO_POLLS, "10114 last check valid again after its server started",
                () -> instance("127.0.0.1:10114").getBoolean("IsLastCheckValid"));
        assertEquals(4, knownInstances(), "a failed probe never drops an instance");
    }

    @Test
    @Order(6)
    void aForgottenReplicaIsFoundAgainThroughItsMaster() {
        Processes.Result forget = node.client("-c", "forget", "-i", "127.0.0.1:10113");
        assertEquals(0, forget.exitCode(), forget.stderr());
        OrchestratorNode.awaitTrue(TWO_POLLS, "10113 rediscovered from the master's replica list",
                () -> node.get("/api/instance/127.0.0.1/10113").status() == 200);
    }

    @Test
    @Order(7)
    void badInputGetsOrchestratorsErrorEnvelopeAndChangesNothing() {
        assertError(node.get("/api/instance/127.0.0.1/notaport"), 500, "Invalid port: notaport");
        assertError(node.get("/api/instance/bad%20host/3306"), 500, "invalid hostname");
        assertError(node.get("/api/cluster-info/no-such-cluster"), 500, "Unable to determine cluster name");
        assertError(node.get("/api/topology/no-such-cluster"), 500, "Unable to determine cluster name");
        assertError(node.get("/api/discover/127.0.0.1/1"), 500, "127.0.0.1:1");
        assertError(node.get("/api/discover/127.0.0.1/99999"), 500, "invalid port");
        assertError(node.get("/api/no/such/route"), 404, "No such API endpoint");
        assertEquals(4, knownInstances(), "failed requests must not add instances");

        Processes.Result unknown = node.client("-c", "instance", "-i", "127.0.0.1:1");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().contains("Cannot read instance: 127.0.0.1:1"), unknown.stderr());
        Processes.Result noCluster = node.client("-c", "topology", "-i", "nowhere:1234");
        assertEquals(1, noCluster.exitCode());
        assertTrue(noCluster.stderr().contains("Unable to determine cluster name"), noCluster.stderr());
        Processes.Result badCommand = node.client("-c", "no-such-command");
        assertEquals(1, badCommand.exitCode());
    }

    static void assertError(OrchestratorNode.Response r, int status, String messagePart) {
        assertEquals(status, r.status(), r.body());
        JsonObject body = json(r.body()).asJsonObject();
        assertEquals("ERROR", body.getString("Code"), r.body());
        assertTrue(body.getString("Message").contains(messagePart), "message '" + body.getString("Message")
                + "' should contain '" + messagePart + "'");
    }

    @Test
    @Order(8)
    void reloadConfigurationMergesAnExtraFileAndRefusesABrokenOne() throws IOException {
        Path extra = node.dir.resolve("extra.conf.json");
        Files.writeString(extra, "{\"ClusterNameToAlias\": {\"127.0.0.1:10111\": \"sandbox\"}}");
        OrchestratorNode.Response ok = node.get("/api/reload-configuration?config=" + extra);
        assertEquals(200, ok.status(), ok.body());
        assertEquals(List.of("127.0.0.1:10111,sandbox"), node.client("-c", "clusters-alias").lines());
        assertEquals(4, node.client("-c", "which-cluster-instances", "-a", "sandbox").lines().size());

        Path broken = node.dir.resolve("broken.conf.json");
        Files.writeString(broken, "{\"InstancePollSeconds\": \"often\"}");
        assertError(node.get("/api/reload-configuration?config=" + broken), 500, "InstancePollSeconds");
        assertEquals(List.of("127.0.0.1:10111,sandbox"), node.client("-c", "clusters-alias").lines(),
                "a refused reload keeps the previous configuration");
    }

    @Test
    @Order(10)
    void theWebUiListsTheClusterAndShowsItsTopology() {
        OrchestratorNode.Response index = node.get("/");
        assertEquals(200, index.status(), index.body());
        assertTrue(index.body().contains("127.0.0.1:10111"), index.body());
        OrchestratorNode.Response cluster = node.get("/cluster.xhtml?name=127.0.0.1:10111");
        assertEquals(200, cluster.status(), cluster.body());
        assertTrue(cluster.body().contains("+ 127.0.0.1:10112"), cluster.body());
    }

    @Test
    @Order(9)
    void healthAndLeaderChecksAnswerForLoadBalancers() {
        OrchestratorNode.Response ready = node.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", json(ready.body()).asJsonObject().getString("status"));
        assertEquals(200, node.get("/health/live").status());
        assertEquals("\"OK\"", node.get("/api/lb-check").body());
        assertEquals(200, node.get("/api/leader-check").status());
        assertEquals(200, node.get("/api/leader-check/503").status());
        JsonObject health = json(node.get("/api/health").body()).asJsonObject();
        assertEquals("OK", health.getString("Code"));
        assertTrue(health.getJsonObject("Details").getBoolean("Healthy"));
        JsonArray audit = json(node.get("/api/audit").body()).asJsonArray();
        assertTrue(audit.stream().anyMatch(e -> e.asJsonObject().getString("AuditType").equals("discover")), audit.toString());
    }
}
