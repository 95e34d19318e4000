package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * make-co-master of a replica with its master on MariaDB (GTID, slave_pos), then a kill -9 of the master: the
 * node sees DeadCoMaster and promotes the other co-master (CoMasterRecoveryMustPromoteOtherCoMaster, orchestrator's
 * default), which then has the two remaining replicas. The sandbox is recreated afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoMasterRecoveryIT {

    private static final int NODE_PORT = 4402;
    private static final Duration SOON = Duration.ofSeconds(30);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final String master = sandbox.key(1);
    private final String coMaster = sandbox.key(2);
    private final String third = sandbox.key(3);
    private final String fourth = sandbox.key(4);
    private OrchestratorNode node;

    @BeforeAll
    void start() throws IOException {
        sandbox.recreate();
        String config = OrchestratorNode.config(NODE_PORT, "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \""
                + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n", 1)
                .replace("\n}\n", ",\n  \"RecoverMasterClusterFilters\": [\"*\"],\n"
                        + "  \"MySQLReplicaUser\": \"repl\",\n  \"MySQLReplicaPassword\": \"repl\"\n}\n");
        node = OrchestratorNode.start(NODE_PORT, config);
        node.discoverSandbox(master, SOON);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "CoMasterRecoveryIT-node.log"), node.log());
            }
        } finally {
            sandbox.recreate();
        }
    }

    @Test
    @Order(1)
    void refusalsNameTheProblemAndChangeNothing() {
        Processes.Result ofMaster = node.client("-c", "make-co-master", "-i", master);
        assertEquals(1, ofMaster.exitCode());
        assertTrue(ofMaster.stderr().contains(master + ": instance is not replicating"), ofMaster.stderr());

        sandbox.sql(sandbox.port(3), "SET GLOBAL read_only = OFF");
        try {
            OrchestratorNode.awaitTrue(SOON, "the node sees " + third + " writable",
                    () -> !instance(third).getBoolean("ReadOnly"));
            Processes.Result writable = node.client("-c", "make-co-master", "-i", third);
            assertEquals(1, writable.exitCode());
            assertTrue(writable.stderr().contains("instance " + third + " is not read-only; first make it read-only"
                    + " before making it co-master"), writable.stderr());
        } finally {
            sandbox.sql(sandbox.port(3), "SET GLOBAL read_only = ON");
        }
        assertTrue(replicaStatus(sandbox.port(1)).isEmpty(), "the master still replicates from nobody");
    }

    @Test
    @Order(2)
    void makeCoMasterPointsTheMasterAtTheReplicaByGtid() {
        Processes.Result r = node.client("-c", "make-co-master", "-i", coMaster);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(coMaster + "<" + master, r.out());

        Map<String, String> status = replicaStatus(sandbox.port(1));
        assertEquals(String.valueOf(sandbox.port(2)), status.get("Master_Port"));
        assertEquals("Slave_Pos", status.get("Using_Gtid"));
        assertEquals("repl", status.get("Master_User"));
        OrchestratorNode.awaitTrue(SOON, "the master replicates from " + coMaster, () -> {
            Map<String, String> s = replicaStatus(sandbox.port(1));
            return "Yes".equals(s.get("Slave_IO_Running")) && "Yes".equals(s.get("Slave_SQL_Running"));
        });
        assertWriteArrives(sandbox.port(1), sandbox.port(2));
        assertWriteArrives(sandbox.port(2), sandbox.port(1));
        OrchestratorNode.awaitTrue(SOON, "the node shows both as co-masters",
                () -> instance(master).getBoolean("IsCoMaster") && instance(coMaster).getBoolean("IsCoMaster"));

        Processes.Result again = node.client("-c", "make-co-master", "-i", coMaster);
        assertEquals(1, again.exitCode());
        assertTrue(again.stderr().contains("instance " + coMaster + " is already co master of " + master),
                again.stderr());
    }

    @Test
    @Order(3)
    void deadCoMasterPromotesTheOtherCoMasterWithTheRemainingReplicas() {
        sandbox.kill(sandbox.port(1));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(60), "a successful DeadCoMaster recovery promoting " + coMaster,
                () -> recoveries().stream().map(JsonObject.class::cast).anyMatch(rec -> rec.getBoolean("IsSuccessful")
                        && key(rec.getJsonObject("SuccessorKey")).equals(coMaster)
                        && rec.getJsonObject("AnalysisEntry").getString("Analysis").startsWith("DeadCoMaster")));

        assertEquals("0", sandbox.sql(sandbox.port(2), "SELECT @@global.read_only"), "the promoted is writable");
        assertTrue(replicaStatus(sandbox.port(2)).isEmpty(), "the promoted forgot the dead co-master");
        OrchestratorNode.awaitTrue(SOON, "both remaining replicas replicate from " + coMaster,
                () -> sandbox.replicatesFrom(sandbox.port(3), sandbox.port(2))
                        && sandbox.replicatesFrom(sandbox.port(4), sandbox.port(2)));
        assertWriteArrives(sandbox.port(2), sandbox.port(4));

        OrchestratorNode.awaitTrue(SOON, coMaster + " heads its cluster, counting " + third + " and " + fourth
                + " as its replicas", () -> {
            Processes.Result m = node.client("-c", "which-cluster-master", "-i", third);
            JsonObject a = analysisOf(coMaster);
            return m.out().equals(coMaster) && a.getInt("CountReplicas") == 2
                    && a.getInt("CountValidReplicatingReplicas") == 2;
        });
        JsonObject promoted = instance(coMaster);
        assertEquals(0, promoted.getInt("ReplicationDepth"));
        assertFalse(promoted.getBoolean("IsCoMaster"), "no co-master pair is left");
        List<String> members = node.client("-c", "which-cluster-instances", "-i", coMaster).out().lines().toList();
        assertEquals(List.of(coMaster, third, fourth), members, "the dead co-master is not in the new cluster");
        assertTrue(node.client("-c", "which-replicas", "-i", coMaster).out().lines().toList()
                .containsAll(List.of(third, fourth)));
    }

    /** The analysis of one instance, NoProblem included, with orchestrator's counts. */
    private JsonObject analysisOf(String key) {
        OrchestratorNode.Response r = node.get("/api/replication-analysis/instance/" + key.replace(':', '/') + "?all=true");
        assertEquals(200, r.status(), r.body());
        JsonArray details = Json.createReader(new StringReader(r.body())).readObject().getJsonArray("Details");
        assertEquals(1, details.size(), r.body());
        return details.getJsonObject(0);
    }

    private JsonArray recoveries() {
        return Json.createReader(new StringReader(node.get("/api/audit-recovery").body())).readArray();
    }

    private void assertWriteArrives(int writer, int reader) {
        String value = UUID.randomUUID().toString();
        sandbox.sql(writer, "CREATE DATABASE IF NOT EXISTS comaster_it;"
                + " CREATE TABLE IF NOT EXISTS comaster_it.marks (v VARCHAR(64) PRIMARY KEY);"
                + " SET SESSION sql_log_bin = 1; INSERT INTO comaster_it.marks VALUES ('" + value + "')");
        OrchestratorNode.awaitTrue(SOON, "a write on " + writer + " arrives on " + reader, () ->
                sandbox.sql(reader, "SELECT COUNT(*) FROM comaster_it.marks WHERE v = '" + value + "'").equals("1"));
    }

    private static Map<String, String> replicaStatus(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "ci", "ci");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            Map<String, String> row = new HashMap<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
            }
            return row;
        } catch (SQLException e) {
            throw new AssertionError("SHOW SLAVE STATUS on " + port + " failed: " + e.getMessage(), e);
        }
    }

    private JsonObject instance(String key) {
        OrchestratorNode.Response r = node.get("/api/instance/" + key.replace(':', '/'));
        assertEquals(200, r.status(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static String key(JsonObject key) {
        return key.getString("Hostname") + ":" + key.getInt("Port");
    }
}
