package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.orchestratoree.discovery.probe.ProbeSettings;
import org.orchestratoree.refactor.TopologyOperationException;
import org.orchestratoree.refactor.TopologyOperations;
import org.orchestratoree.topology.InstanceKey;

/**
 * Topology operations against the real sandbox, through the API and bin/orchestrator-client, checked on the
 * servers themselves. Runs on the sandbox named by sandbox.portBase / sandbox.dir and puts it back as found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefactorOperationsIT {

    private static final int NODE_PORT = 3920;
    private static final Duration SOON = Duration.ofSeconds(20);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final String master = sandbox.key(1);
    private final String intermediate = sandbox.key(3);
    private final String moved = sandbox.key(4);
    private OrchestratorNode node;

    @BeforeAll
    void start() throws IOException {
        sandbox.up();
        restoreTopology();
        String backend = "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR
                + "/backend/orchestrator.sqlite3\",\n";
        node = OrchestratorNode.start(NODE_PORT, OrchestratorNode.config(NODE_PORT, backend, 1));
        assertOk(node.get("/api/discover/" + path(master)));
        OrchestratorNode.awaitTrue(SOON, "all four sandbox instances known",
                () -> json(node.get("/api/all-instances").body()).size() == 4);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            restoreTopology();
        } finally {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "RefactorOperationsIT-node.log"), node.log());
            }
        }
    }

    @Test
    @Order(1)
    void relocateMakesAnIntermediateMasterAndReplicationFlowsThroughIt() {
        JsonObject body = assertOk(node.get("/api/relocate/" + path(moved) + "/" + path(intermediate)));
        assertEquals("Instance " + moved + " relocated below " + intermediate, body.getString("Message"));
        JsonObject details = body.getJsonObject("Details");
        assertEquals(moved, key(details.getJsonObject("Key")));
        assertEquals(intermediate, key(details.getJsonObject("MasterKey")), "the answer shows the new master");

        Map<String, String> status = replicaStatus(sandbox.port(4));
        assertEquals(String.valueOf(sandbox.port(3)), status.get("Master_Port"));
        assertEquals("Slave_Pos", status.get("Using_Gtid"));
        assertWriteArrives(sandbox.port(4));
        OrchestratorNode.awaitTrue(SOON, "the node lists " + moved + " below " + intermediate, () ->
                node.get("/api/instance-replicas/" + path(intermediate)).body().contains("\"Port\":" + sandbox.port(4))
                        && instance(moved).getInt("ReplicationDepth") == 2);
        assertTrue(node.get("/api/audit/instance/" + path(moved)).body().contains("relocate-below"));
    }

    @Test
    @Order(2)
    void moveUpBringsTheReplicaBackBelowTheMaster() {
        Processes.Result r = node.client("-c", "move-up", "-i", moved);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(moved + "<" + master, r.out());
        assertEquals(String.valueOf(sandbox.port(1)), replicaStatus(sandbox.port(4)).get("Master_Port"));
        assertWriteArrives(sandbox.port(4));
        assertTrue(node.get("/api/audit/instance/" + path(moved)).body().contains("move-up"));
    }

    @Test
    @Order(3)
    void stopAndStartReplica() {
        Processes.Result stop = node.client("-c", "stop-replica", "-i", moved);
        assertEquals(0, stop.exitCode(), stop.stderr());
        assertEquals(moved, stop.out());
        Map<String, String> stopped = replicaStatus(sandbox.port(4));
        assertEquals("No", stopped.get("Slave_IO_Running"));
        assertEquals("No", stopped.get("Slave_SQL_Running"));
        assertFalse(instance(moved).getBoolean("ReplicationSQLThreadRuning"), "re-probed at once");

        JsonObject start = assertOk(node.get("/api/start-slave/" + path(moved)));
        assertEquals("Replica started: " + moved, start.getString("Message"));
        assertEquals("Yes", replicaStatus(sandbox.port(4)).get("Slave_SQL_Running"));
        assertWriteArrives(sandbox.port(4));
        Processes.Result startAgain = node.client("-c", "start-slave", "-i", moved);
        assertEquals(0, startAgain.exitCode(), startAgain.stderr());
    }

    @Test
    @Order(4)
    void setWriteableAndReadOnly() {
        JsonObject writeable = assertOk(node.get("/api/set-writeable/" + path(moved)));
        assertEquals("Server set as writeable", writeable.getString("Message"));
        assertFalse(writeable.getJsonObject("Details").getBoolean("ReadOnly"));
        assertEquals("0", sandbox.sql(sandbox.port(4), "SELECT @@global.read_only"));

        Processes.Result readOnly = node.client("-c", "set-read-only", "-i", moved);
        assertEquals(0, readOnly.exitCode(), readOnly.stderr());
        assertEquals(moved, readOnly.out());
        assertEquals("1", sandbox.sql(sandbox.port(4), "SELECT @@global.read_only"));
        assertTrue(instance(moved).getBoolean("ReadOnly"));
    }

    @Test
    @Order(5)
    void refusedOperationsAnswerErrorAndChangeNothing() {
        int audited = json(node.get("/api/audit/instance/" + path(moved)).body()).size();
        DiscoveryScenarios.assertError(node.get("/api/relocate/" + path(moved) + "/" + path(moved)), 500,
                "Cannot relocate " + moved + " below itself");
        DiscoveryScenarios.assertError(node.get("/api/relocate/" + path(moved) + "/127.0.0.1/1"), 500,
                "Cannot read instance: 127.0.0.1:1");
        DiscoveryScenarios.assertError(node.get("/api/move-up/" + path(moved)), 500, "is not a replica");
        DiscoveryScenarios.assertError(node.get("/api/stop-replica/" + path(master)), 500,
                "instance is not a replica: " + master);
        Processes.Result client = node.client("-c", "relocate", "-i", moved, "-d", "127.0.0.1:1");
        assertEquals(1, client.exitCode());
        assertTrue(client.stderr().contains("Cannot read instance: 127.0.0.1:1"), client.stderr());

        Map<String, String> status = replicaStatus(sandbox.port(4));
        assertEquals(String.valueOf(sandbox.port(1)), status.get("Master_Port"));
        assertEquals("Yes", status.get("Slave_IO_Running"));
        assertEquals("Yes", status.get("Slave_SQL_Running"));
        assertEquals(audited, json(node.get("/api/audit/instance/" + path(moved)).body()).size(),
                "a refused operation is not audited");
    }

    @Test
    @Order(6)
    void repointWithAndWithoutDestination() {
        Processes.Result below = node.client("-c", "repoint", "-i", moved, "-d", intermediate);
        assertEquals(0, below.exitCode(), below.stderr());
        assertEquals(moved + "<" + intermediate, below.out());
        assertWriteArrives(sandbox.port(4));

        Processes.Result back = node.client("-c", "repoint", "-i", moved, "-d", master);
        assertEquals(0, back.exitCode(), back.stderr());
        assertEquals(moved + "<" + master, back.out());
        Processes.Result same = node.client("-c", "repoint", "-i", moved);
        assertEquals(0, same.exitCode(), same.stderr());
        assertEquals(moved + "<" + master, same.out());
        assertWriteArrives(sandbox.port(4));
    }

    @Test
    @Order(7)
    void operationsForFailoverWaitForTheRelayLogAndDetach() {
        InstanceKey replica = InstanceKey.parse(moved);
        try (TopologyOperations operations = new TopologyOperations(ProbeSettings.basic("ci", "ci", 2, 10))) {
            operations.stopIoThread(replica);
            assertEquals("No", replicaStatus(sandbox.port(4)).get("Slave_IO_Running"));
            assertTrue(operations.waitUntilRelayLogApplied(replica, Duration.ofSeconds(10)));
            operations.startReplication(replica);
            assertWriteArrives(sandbox.port(4));
            assertTrue(operations.waitUntilRelayLogApplied(replica, Duration.ofSeconds(10)));
            assertEquals(operations.gtidPosition(InstanceKey.parse(master)), operations.gtidPosition(replica));

            operations.detachReplication(replica);
            assertTrue(replicaStatus(sandbox.port(4)).isEmpty(), "RESET SLAVE ALL forgets the master");
            TopologyOperationException e = assertThrows(TopologyOperationException.class,
                    () -> operations.waitUntilRelayLogApplied(replica, SOON));
            assertTrue(e.getMessage().startsWith(moved + ": not a replica"), e.getMessage());
        } finally {
            restoreTopology();
        }
        assertWriteArrives(sandbox.port(4));
    }

    /**
     * Puts the last replica back below the master, replicating and read-only, whatever a test left; names the
     * credentials because a detached replica has forgotten them.
     */
    private void restoreTopology() {
        sandbox.sql(sandbox.port(4), "STOP SLAVE; CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT="
                + sandbox.port(1) + ", MASTER_USER='repl', MASTER_PASSWORD='repl', MASTER_USE_GTID=slave_pos,"
                + " MASTER_CONNECT_RETRY=1, MASTER_HEARTBEAT_PERIOD=1; SET GLOBAL read_only = ON; START SLAVE");
    }

    private void assertWriteArrives(int replicaPort) {
        String value = UUID.randomUUID().toString();
        sandbox.sql(sandbox.port(1), "CREATE DATABASE IF NOT EXISTS refactor_it;"
                + " CREATE TABLE IF NOT EXISTS refactor_it.marks (v VARCHAR(64) PRIMARY KEY);"
                + " INSERT INTO refactor_it.marks VALUES ('" + value + "')");
        OrchestratorNode.awaitTrue(SOON, "a write on the master arrives on " + replicaPort, () ->
                sandbox.sql(replicaPort, "SELECT COUNT(*) FROM refactor_it.marks WHERE v = '" + value + "'")
                        .equals("1"));
    }

    /** SHOW SLAVE STATUS read directly from the server, as the operator would check it. */
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
        return Json.createReader(new StringReader(node.get("/api/instance/" + path(key)).body())).readObject();
    }

    private static JsonObject assertOk(OrchestratorNode.Response r) {
        assertEquals(200, r.status(), r.body());
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("OK", body.getString("Code"), r.body());
        return body;
    }

    private static jakarta.json.JsonArray json(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    private static String path(String key) {
        return key.replace(':', '/');
    }

    private static String key(JsonObject key) {
        return key.getString("Hostname") + ":" + key.getInt("Port");
    }
}
