package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Errant GTIDs on the MariaDB sandbox: a write made on a replica itself, seen in GtidErrant (API and client),
 * located in its binary logs, warned about in the analysis, kept through a relocation below a sibling, refused
 * while the replica has replicas of its own, and removed by gtid-errant-reset-master with replication working
 * afterwards. The topology is rebuilt before and after, since the test rewrites GTID histories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrantGtidIT {

    private static final int NODE_PORT = 4300;
    private static final Duration SOON = Duration.ofSeconds(20);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final String master = sandbox.key(1);
    private final String errant = sandbox.key(2);
    private final String sibling = sandbox.key(3);
    private final String other = sandbox.key(4);
    private OrchestratorNode node;
    private String errantGtid;
    private String errantBinlog;

    @BeforeAll
    void start() throws IOException {
        sandbox.recreate();
        sandbox.sql(sandbox.port(1), "CREATE DATABASE errant_master_it;"
                + " CREATE TABLE errant_master_it.marks (v VARCHAR(64) PRIMARY KEY)");
        for (int member = 2; member <= 4; member++) {
            int port = sandbox.port(member);
            OrchestratorNode.awaitTrue(SOON, "the marks table reached " + port, () -> sandbox.sql(port,
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'errant_master_it'")
                    .equals("1"));
        }
        String backend = "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR
                + "/backend/orchestrator.sqlite3\",\n";
        node = OrchestratorNode.start(NODE_PORT, OrchestratorNode.config(NODE_PORT, backend, 1));
        assertOk(node.get("/api/discover/" + path(master)));
        OrchestratorNode.awaitTrue(SOON, "all four sandbox instances known",
                () -> json(node.get("/api/all-instances").body()).asJsonArray().size() == 4);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "ErrantGtidIT-node.log"), node.log());
            }
        } finally {
            sandbox.recreate();
        }
    }

    @Test
    @Order(1)
    void aWriteMadeOnAReplicaShowsAsItsErrantGtid() {
        assertEquals("", instance(errant).getString("GtidErrant"), "a fresh replica has no errant GTID");
        errantBinlog = sandbox.sql(sandbox.port(2), "SHOW MASTER STATUS").split("\t")[0];
        sandbox.sql(sandbox.port(2), "SET SESSION sql_log_bin = 1; CREATE DATABASE errant_it;"
                + " CREATE TABLE errant_it.t (id INT PRIMARY KEY); INSERT INTO errant_it.t VALUES (1)");
        // gtid_binlog_pos now holds the replica's own last GTID only: 0-<its server id>-<seq>
        errantGtid = sandbox.sql(sandbox.port(2), "SELECT @@global.gtid_binlog_pos");
        assertTrue(errantGtid.startsWith("0-" + sandbox.port(2) + "-"), errantGtid);
        sandbox.sql(sandbox.port(2), "FLUSH BINARY LOGS");

        OrchestratorNode.awaitTrue(SOON, "GtidErrant of " + errant + " is " + errantGtid,
                () -> instance(errant).getString("GtidErrant").equals(errantGtid));
        assertEquals("", instance(sibling).getString("GtidErrant"));
        assertEquals("", instance(master).getString("GtidErrant"));

        Processes.Result which = node.client("-c", "which-gtid-errant", "-i", errant);
        assertEquals(0, which.exitCode(), which.stderr());
        assertEquals(errantGtid + "\n", which.stdout());
        Processes.Result clean = node.client("-c", "which-gtid-errant", "-i", sibling);
        assertEquals(0, clean.exitCode(), clean.stderr());
        assertEquals("\n", clean.stdout(), "orchestrator's client prints an empty line when there is none");

        Processes.Result locate = node.client("-c", "locate-gtid-errant", "-i", errant);
        assertEquals(0, locate.exitCode(), locate.stderr());
        assertEquals(errantBinlog + "\n", locate.stdout(), "the binlog written before the flush holds them");
        DiscoveryScenarios.assertError(node.get("/api/locate-gtid-errant/" + path(sibling)), 500,
                "no errant-gtid on " + sibling);
    }

    @Test
    @Order(2)
    void theAnalysisWarnsOnTheMasterOfTheErrantReplica() {
        OrchestratorNode.awaitTrue(SOON, "ErrantGTIDStructureWarning on " + master, () -> warnedOn(master));
        Processes.Result analysis = node.client("-c", "replication-analysis");
        assertEquals(0, analysis.exitCode(), analysis.stderr());
        assertTrue(analysis.stdout().contains(master + " (cluster " + master + "): ErrantGTIDStructureWarning\n"),
                analysis.stdout());
    }

    @Test
    @Order(3)
    void resetMasterIsRefusedOnAReplicaWithReplicasOfItsOwn() {
        relocate(other, errant);
        OrchestratorNode.awaitTrue(SOON, errant + " lists its replica " + other,
                () -> instance(errant).getJsonArray("Replicas").size() == 1);
        String stateBefore = sandbox.sql(sandbox.port(2), "SELECT @@global.gtid_binlog_state");
        String logsBefore = sandbox.sql(sandbox.port(2), "SHOW BINARY LOGS");

        Processes.Result refused = node.client("-c", "gtid-errant-reset-master", "-i", errant);
        assertEquals(1, refused.exitCode(), refused.stdout());
        assertEquals("gtid-errant-reset-master will not operate on " + errant
                + " because it has 1 replicas. Expecting no replicas", refused.stderr().strip());
        assertEquals(stateBefore, sandbox.sql(sandbox.port(2), "SELECT @@global.gtid_binlog_state"),
                "a refused reset changes nothing");
        assertEquals(logsBefore, sandbox.sql(sandbox.port(2), "SHOW BINARY LOGS"));
        DiscoveryScenarios.assertError(node.get("/api/gtid-errant-reset-master/" + path(master)), 500,
                "will not operate on " + master + " because it is not a replica");
        DiscoveryScenarios.assertError(node.get("/api/gtid-errant-reset-master/" + path(sibling)), 500,
                "will not operate on " + sibling + " because no errant GTID is found");
        DiscoveryScenarios.assertError(node.get("/api/gtid-errant-inject-empty/" + path(errant)), 500,
                "gtid-errant-inject-empty requested for " + errant + " but it does not support oracle-gtid");
    }

    @Test
    @Order(4)
    void theErrantGtidStaysAfterARelocationBelowASibling() {
        relocate(errant, sibling);
        OrchestratorNode.awaitTrue(SOON, errant + " below " + sibling + " still shows " + errantGtid, () -> {
            JsonObject i = instance(errant);
            return i.getJsonObject("MasterKey").getInt("Port") == sandbox.port(3)
                    && i.getString("GtidErrant").equals(errantGtid);
        });
        OrchestratorNode.awaitTrue(SOON, "ErrantGTIDStructureWarning on " + sibling, () -> warnedOn(sibling));
        Processes.Result refused = node.client("-c", "gtid-errant-reset-master", "-i", errant);
        assertEquals(1, refused.exitCode(), refused.stdout());
        assertTrue(refused.stderr().contains("will not operate on " + errant + " because it has 1 replicas"),
                refused.stderr());
    }

    /**
     * The other replica took the errant transactions from the errant one (log_slave_updates), so back below the
     * master it asks for a GTID the master never had; the reset also moves its replication position back.
     */
    @Test
    @Order(5)
    void aReplicaThatReplicatedErrantTransactionsIsResetToo() {
        relocate(other, master);
        OrchestratorNode.awaitTrue(SOON, other + " shows the errant GTID it took, below " + master,
                () -> instance(other).getString("GtidErrant").equals(errantGtid));
        Processes.Result reset = node.client("-c", "gtid-errant-reset-master", "-i", other);
        assertEquals(0, reset.exitCode(), reset.stderr());
        assertEquals(other + "\n", reset.stdout());
        assertFalse(sandbox.sql(sandbox.port(4), "SELECT @@global.gtid_slave_pos").contains("-" + sandbox.port(2) + "-"));
        assertEquals("", instance(other).getString("GtidErrant"));
    }

    @Test
    @Order(6)
    void resetMasterRemovesTheErrantGtidAndReplicationGoesOn() {
        OrchestratorNode.awaitTrue(SOON, errant + " has no replicas left",
                () -> instance(errant).getJsonArray("Replicas").isEmpty());
        JsonObject body = assertOk(node.get("/api/gtid-errant-reset-master/" + path(errant)));
        assertEquals("Removed errant GTID on " + errant + " and issued a RESET MASTER", body.getString("Message"));
        assertEquals("", body.getJsonObject("Details").getString("GtidErrant"), "the answer is re-probed");
        String state = sandbox.sql(sandbox.port(2), "SELECT @@global.gtid_binlog_state");
        assertFalse(state.contains("-" + sandbox.port(2) + "-"), "no GTID of its own is left: " + state);
        assertEquals("1", sandbox.sql(sandbox.port(2), "SELECT COUNT(*) FROM errant_it.t"),
                "only the GTIDs go, as with orchestrator: the rows stay");

        assertWriteArrives(sandbox.port(2));
        assertWriteArrives(sandbox.port(4));
        assertEquals("", instance(errant).getString("GtidErrant"));
        OrchestratorNode.awaitTrue(SOON, "no ErrantGTIDStructureWarning left",
                () -> !warnedOn(sibling) && !warnedOn(master));
        assertTrue(node.get("/api/audit/instance/" + path(errant)).body().contains("gtid-errant-reset-master"));
        Processes.Result again = node.client("-c", "which-gtid-errant", "-i", errant);
        assertEquals("\n", again.stdout());
    }

    private boolean warnedOn(String key) {
        JsonArray details = json(node.get("/api/replication-analysis").body()).asJsonObject().getJsonArray("Details");
        for (JsonValue v : details) {
            JsonObject a = v.asJsonObject();
            String analyzed = a.getJsonObject("AnalyzedInstanceKey").getString("Hostname") + ":"
                    + a.getJsonObject("AnalyzedInstanceKey").getInt("Port");
            if (analyzed.equals(key) && a.getJsonArray("StructureAnalysis").toString()
                    .contains("\"ErrantGTIDStructureWarning\"")) {
                return true;
            }
        }
        return false;
    }

    private void relocate(String key, String below) {
        Processes.Result r = node.client("-c", "relocate", "-i", key, "-d", below);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(key + "<" + below + "\n", r.stdout());
    }

    private void assertWriteArrives(int replicaPort) {
        String value = UUID.randomUUID().toString();
        sandbox.sql(sandbox.port(1), "INSERT INTO errant_master_it.marks VALUES ('" + value + "')");
        OrchestratorNode.awaitTrue(SOON, "a write on the master arrives on " + replicaPort, () ->
                sandbox.sql(replicaPort, "SELECT COUNT(*) FROM errant_master_it.marks WHERE v = '" + value + "'")
                        .equals("1"));
    }

    private JsonObject instance(String key) {
        return json(node.get("/api/instance/" + path(key)).body()).asJsonObject();
    }

    private static JsonObject assertOk(OrchestratorNode.Response r) {
        assertEquals(200, r.status(), r.body());
        JsonObject body = json(r.body()).asJsonObject();
        assertEquals("OK", body.getString("Code"), r.body());
        return body;
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    private static String path(String key) {
        return key.replace(':', '/');
    }
}
