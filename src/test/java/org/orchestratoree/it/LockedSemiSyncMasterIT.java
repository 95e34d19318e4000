package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MariaDB's built-in semi-sync, switched through bin/orchestrator-client: with semi-sync on the master and on one
 * replica the master has one acknowledging client; once the replica's semi-sync is off, a write on the master
 * blocks, replication-analysis first says LockedSemiSyncMasterHypothesis and, once the master's binlog has stood
 * still for ReasonableLockedSemiSyncMasterSeconds, LockedSemiSyncMaster. The sandbox's semi-sync settings are put
 * back afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockedSemiSyncMasterIT {

    private static final int NODE_PORT = 4401;
    private static final int LOCKED_SECONDS = 3;
    /** Long enough for detection to see the lock, short enough that a failed test does not hang for long. */
    private static final int MASTER_TIMEOUT_MILLIS = 60_000;
    private static final Duration SOON = Duration.ofSeconds(20);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final String master = sandbox.key(1);
    private final String replica = sandbox.key(2);
    private OrchestratorNode node;
    private String originalTimeout;

    @BeforeAll
    void start() throws IOException {
        sandbox.up();
        originalTimeout = sandbox.sql(sandbox.port(1), "SELECT @@global.rpl_semi_sync_master_timeout");
        restoreSemiSync();
        String config = OrchestratorNode.config(NODE_PORT, "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \""
                + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n", 1)
                .replace("\n}\n", ",\n  \"ReasonableLockedSemiSyncMasterSeconds\": " + LOCKED_SECONDS + "\n}\n");
        node = OrchestratorNode.start(NODE_PORT, config);
        node.discoverSandbox(master, SOON);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            restoreSemiSync();
            sandbox.sql(sandbox.port(1), "SET GLOBAL rpl_semi_sync_master_timeout = " + originalTimeout);
        } finally {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "LockedSemiSyncMasterIT-node.log"), node.log());
            }
        }
    }

    @Test
    void disablingTheOnlySemiSyncReplicaLocksTheMaster() throws Exception {
        sandbox.sql(sandbox.port(1), "SET GLOBAL rpl_semi_sync_master_timeout = " + MASTER_TIMEOUT_MILLIS);
        assertEquals(master, client("enable-semi-sync-master", master));
        assertEquals("1", sandbox.sql(sandbox.port(1), "SELECT @@global.rpl_semi_sync_master_enabled"));
        assertEquals(replica, client("enable-semi-sync-replica", replica));
        assertEquals("1", sandbox.sql(sandbox.port(2), "SELECT @@global.rpl_semi_sync_slave_enabled"));
        OrchestratorNode.awaitTrue(SOON, "the master counts one semi-sync client (its IO thread was restarted)",
                () -> semiSyncClients().equals("1") && instance(master).getInt("SemiSyncMasterClients") == 1);
        assertFalse(analysis().contains("LockedSemiSync"), analysis());

        assertEquals(replica, client("disable-semi-sync-replica", replica));
        assertEquals("0", sandbox.sql(sandbox.port(2), "SELECT @@global.rpl_semi_sync_slave_enabled"));
        OrchestratorNode.awaitTrue(SOON, "the master has no semi-sync client left", () -> semiSyncClients().equals("0"));

        CompletableFuture<Void> write = CompletableFuture.runAsync(this::writeOnMaster);
        String hypothesis = master + " (cluster " + master + "): LockedSemiSyncMasterHypothesis";
        String locked = master + " (cluster " + master + "): LockedSemiSyncMaster";
        OrchestratorNode.awaitTrue(SOON, "replication-analysis says " + hypothesis,
                () -> analysis().lines().anyMatch(hypothesis::equals));
        Instant hypothesisSeen = Instant.now();
        OrchestratorNode.awaitTrue(SOON, "replication-analysis says " + locked,
                () -> analysis().lines().anyMatch(locked::equals));
        assertFalse(write.isDone(), "the write on the master is still waiting for an acknowledgement");
        assertEquals("ON", status("Rpl_semi_sync_master_status"), "the master did not fall back to async");
        JsonObject details = instance(master);
        assertEquals(1, details.getInt("SemiSyncMasterWaitForReplicaCount"), "MariaDB waits for one replica");
        assertEquals(0, details.getInt("SemiSyncMasterClients"));
        System.out.println("LockedSemiSyncMaster " + Duration.between(hypothesisSeen, Instant.now()).toMillis()
                + " ms after the hypothesis was first seen");

        assertEquals(master, client("disable-semi-sync-master", master));
        write.get(20, TimeUnit.SECONDS);
        OrchestratorNode.awaitTrue(SOON, "replication-analysis no longer names a locked semi-sync master",
                () -> !analysis().contains("LockedSemiSync"));
    }

    private void writeOnMaster() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + sandbox.port(1) + "/", "ci", "ci");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS semisync_it");
        } catch (SQLException e) {
            throw new AssertionError("write on the master failed: " + e.getMessage(), e);
        }
    }

    private String semiSyncClients() {
        return status("Rpl_semi_sync_master_clients");
    }

    private String status(String variable) {
        return sandbox.sql(sandbox.port(1), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = '" + variable.toUpperCase() + "'");
    }

    private void restoreSemiSync() {
        sandbox.sql(sandbox.port(1), "SET GLOBAL rpl_semi_sync_master_enabled = 0");
        for (int member = 2; member <= 4; member++) {
            if (sandbox.sql(sandbox.port(member), "SELECT @@global.rpl_semi_sync_slave_enabled").equals("1")) {
                sandbox.sql(sandbox.port(member), "SET GLOBAL rpl_semi_sync_slave_enabled = 0;"
                        + " STOP SLAVE IO_THREAD; START SLAVE IO_THREAD");
            }
        }
        sandbox.sql(sandbox.port(1), "DROP DATABASE IF EXISTS semisync_it");
    }

    private String client(String command, String instance) {
        Processes.Result r = node.client("-c", command, "-i", instance);
        assertEquals(0, r.exitCode(), command + ": " + r.stderr());
        return r.out();
    }

    private String analysis() {
        Processes.Result r = node.client("-c", "replication-analysis");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.out();
    }

    private JsonObject instance(String key) {
        OrchestratorNode.Response r = node.get("/api/instance/" + key.replace(':', '/'));
        assertEquals(200, r.status(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
