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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Downtime, promotion candidates, acknowledgements and the global recovery switch on a real node watching
 * the sandbox. The sandbox is chosen by the system properties {@code sandbox.portBase} (default 10100) and
 * {@code sandbox.dir} (default: bin/sandbox's own), so a second sandbox can serve a parallel run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceIT {

    static final int PORT = 3930;
    static final int PORT_BASE = Integer.getInteger("sandbox.portBase", 10100);
    static final String SANDBOX_DIR = System.getProperty("sandbox.dir", "");
    static final String MASTER = "127.0.0.1:" + (PORT_BASE + 11);
    static final String REPLICA = "127.0.0.1:" + (PORT_BASE + 12);
    static final String CANDIDATE = "127.0.0.1:" + (PORT_BASE + 13);

    OrchestratorNode node;

    @BeforeAll
    void startNode() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("SANDBOX_PORT_BASE", String.valueOf(PORT_BASE));
        if (!SANDBOX_DIR.isBlank()) {
            env.put("SANDBOX_DIR", SANDBOX_DIR);
        }
        Processes.Result up = Processes.run(env, 300, "bin/sandbox", "up");
        assertEquals(0, up.exitCode(), up.stderr() + up.stdout());
        node = OrchestratorNode.start(PORT, OrchestratorNode.config(PORT, "  \"BackendDB\": \"sqlite\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/backend/orchestrator.sqlite3\",\n", 2));
        Processes.Result discover = node.client("-c", "discover", "-i", MASTER);
        assertEquals(0, discover.exitCode(), discover.stderr());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "replicas known",
                () -> node.get("/api/instance/" + path(REPLICA)).status() == 200
                        && node.get("/api/instance/" + path(CANDIDATE)).status() == 200);
    }

    @AfterAll
    void stopNode() throws IOException {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "MaintenanceIT-node.log"), node.log());
        }
    }

    @Test
    @Order(1)
    void beginDowntimeShowsInTheInstanceTheListAndTheClient() {
        JsonObject begun = envelope("/api/begin-downtime/" + path(REPLICA) + "/alice/kernel%20upgrade/30m", 200);
        assertEquals("OK", begun.getString("Code"));
        assertEquals("Downtime begun: " + REPLICA, begun.getString("Message"));

        JsonObject instance = instance(REPLICA);
        assertTrue(instance.getBoolean("IsDowntimed"));
        assertEquals("alice", instance.getString("DowntimeOwner"));
        assertEquals("kernel upgrade", instance.getString("DowntimeReason"));
        assertFalse(instance.getString("DowntimeEndTimestamp").isEmpty());

        JsonArray downtimed = json(node.get("/api/downtimed").body()).asJsonArray();
        assertEquals(1, downtimed.size());
        assertEquals(1, json(node.get("/api/downtimed/" + MASTER).body()).asJsonArray().size());
        Processes.Result client = node.client("-c", "downtimed");
        assertEquals(0, client.exitCode(), client.stderr());
        assertEquals(REPLICA, client.out());
    }

    @Test
    @Order(2)
    void endDowntime() {
        Processes.Result end = node.client("-c", "end-downtime", "-i", REPLICA);
        assertEquals(0, end.exitCode(), end.stderr());
        assertEquals(REPLICA, end.out());
        assertFalse(instance(REPLICA).getBoolean("IsDowntimed"));
        assertEquals("", node.client("-c", "downtimed").out());
    }

    @Test
    @Order(3)
    void clientBeginsDowntimeWithOwnerReasonDuration() {
        Processes.Result begin = node.client("-c", "begin-downtime", "-i", REPLICA, "-o", "bob", "-r", "disk swap",
                "-u", "1h");
        assertEquals(0, begin.exitCode(), begin.stderr());
        assertEquals(REPLICA, begin.out());
        assertEquals("bob", instance(REPLICA).getString("DowntimeOwner"));
        assertEquals(0, node.client("-c", "end-downtime", "-i", REPLICA).exitCode());
    }

    @Test
    @Order(4)
    void invalidDurationIsAnErrorAndDowntimesNothing() {
        JsonObject error = envelope("/api/begin-downtime/" + path(REPLICA) + "/alice/reason/abc", 500);
        assertEquals("ERROR", error.getString("Code"));
        assertEquals("invalid duration: 'abc'", error.getString("Message"));
        assertFalse(instance(REPLICA).getBoolean("IsDowntimed"));
        assertEquals(0, json(node.get("/api/downtimed").body()).asJsonArray().size());
        Processes.Result client = node.client("-c", "begin-downtime", "-i", REPLICA, "-r", "x", "-u", "abc");
        assertEquals(1, client.exitCode());
        assertTrue(client.stderr().contains("invalid duration: 'abc'"), client.stderr());
    }

    @Test
    @Order(5)
    void unknownInstanceCannotBeDowntimed() {
        JsonObject error = envelope("/api/begin-downtime/127.0.0.1/1/alice/reason", 500);
        assertEquals("ERROR", error.getString("Code"));
        assertEquals(0, json(node.get("/api/downtimed").body()).asJsonArray().size());
    }

    @Test
    @Order(6)
    void registerCandidate() {
        assertEquals("neutral", instance(CANDIDATE).getString("PromotionRule"));
        Processes.Result client = node.client("-c", "register-candidate", "-i", CANDIDATE, "-R", "prefer");
        assertEquals(0, client.exitCode(), client.stderr());
        assertEquals(CANDIDATE, client.out());
        JsonObject instance = instance(CANDIDATE);
        assertEquals("prefer", instance.getString("PromotionRule"));
        assertTrue(instance.getBoolean("IsCandidate"));
        assertFalse(instance(REPLICA).getBoolean("IsCandidate"));
    }

    @Test
    @Order(7)
    void badPromotionRuleIsAnErrorAndChangesNothing() {
        JsonObject error = envelope("/api/register-candidate/" + path(CANDIDATE) + "/best", 500);
        assertEquals("Invalid CandidatePromotionRule: best", error.getString("Message"));
        assertEquals("prefer", instance(CANDIDATE).getString("PromotionRule"));
    }

    @Test
    @Order(8)
    void globalRecoveriesSwitch() {
        assertEquals("enabled", node.client("-c", "check-global-recoveries").out());
        assertEquals("disabled", node.client("-c", "disable-global-recoveries").out());
        assertEquals("disabled", node.client("-c", "check-global-recoveries").out());
        JsonObject check = envelope("/api/check-global-recoveries", 200);
        assertEquals("Global recoveries disabled", check.getString("Message"));
        assertEquals("enabled", node.client("-c", "enable-global-recoveries").out());
        assertEquals("enabled", envelope("/api/check-global-recoveries", 200).getString("Details"));
    }

    @Test
    @Order(9)
    void acknowledgementsNeedAComment() {
        JsonObject error = envelope("/api/ack-all-recoveries", 500);
        assertEquals("No acknowledge comment given", error.getString("Message"));
        assertEquals("No acknowledge comment given",
                envelope("/api/ack-recovery/cluster/" + MASTER + "?comment=%20", 500).getString("Message"));
        JsonObject ok = envelope("/api/ack-all-recoveries?comment=checked", 200);
        assertEquals("Acknowledged all recoveries", ok.getString("Message"));
        assertEquals("checked", ok.getString("Details"));
        assertEquals(MASTER, node.client("-c", "ack-cluster-recoveries", "-i", MASTER, "-r", "ok").out());
        assertEquals(REPLICA, node.client("-c", "ack-instance-recoveries", "-i", REPLICA, "-r", "ok").out());
    }

    @Test
    @Order(10)
    void recoveryListingsAnswerEmptyArrays() {
        for (String path : new String[] {"audit-recovery", "audit-recovery/1", "audit-recovery/cluster/" + MASTER,
                "audit-failure-detection", "blocked-recoveries", "active-cluster-recovery/" + MASTER,
                "recently-active-cluster-recovery/" + MASTER, "audit-recovery-steps/none"}) {
            OrchestratorNode.Response r = node.get("/api/" + path);
            assertEquals(200, r.status(), path + ": " + r.body());
            assertEquals(0, json(r.body()).asJsonArray().size(), path);
        }
        Processes.Result audit = node.client("-c", "audit-recovery");
        assertEquals(0, audit.exitCode(), audit.stderr());
        assertEquals("", audit.out());
    }

    private JsonObject envelope(String path, int status) {
        OrchestratorNode.Response r = node.get(path);
        assertEquals(status, r.status(), r.body());
        return json(r.body()).asJsonObject();
    }

    private JsonObject instance(String key) {
        OrchestratorNode.Response r = node.get("/api/instance/" + path(key));
        assertEquals(200, r.status(), r.body());
        return json(r.body()).asJsonObject();
    }

    private static String path(String key) {
        return key.replace(':', '/');
    }

    private static JsonStructure json(String body) {
        return Json.createReader(new StringReader(body)).read();
    }
}
