package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RecoverLockedSemiSyncMaster on MariaDB: a semi-sync master with no semi-sync replica blocks a write; once it is
 * LockedSemiSyncMaster the node switches semi-sync on for one replica (the first by name, all being neutral), whose
 * acknowledgements release writes again, and the other replicas are left asynchronous. Semi-sync settings are put back afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockedSemiSyncRecoveryIT {

    private static final int NODE_PORT = 4404;
    private static final Duration SOON = Duration.ofSeconds(40);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final String master = sandbox.key(1);
    private OrchestratorNode node;
    private String originalTimeout;

    @BeforeAll
    void start() throws IOException {
        sandbox.up();
        originalTimeout = sandbox.sql(sandbox.port(1), "SELECT @@global.rpl_semi_sync_master_timeout");
        restoreSemiSync();
        String config = OrchestratorNode.config(NODE_PORT, "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \""
                + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n", 1)
                .replace("\n}\n", ",\n  \"ReasonableLockedSemiSyncMasterSeconds\": 2,\n"
                        + "  \"RecoverLockedSemiSyncMaster\": true\n}\n");
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
                Files.writeString(Path.of("target", "LockedSemiSyncRecoveryIT-node.log"), node.log());
            }
        }
    }

    @Test
    void theNodeEnablesSemiSyncOnOneReplicaAndTheBlockedWriteCompletes() throws Exception {
        sandbox.sql(sandbox.port(1), "SET GLOBAL rpl_semi_sync_master_timeout = 60000");
        Processes.Result enable = node.client("-c", "enable-semi-sync-master", "-i", master);
        assertEquals(0, enable.exitCode(), enable.stderr());
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> writeOnMaster("CREATE DATABASE semisync_recovery_it"));

        OrchestratorNode.awaitTrue(SOON, "a successful LockedSemiSyncMaster recovery of " + master,
                () -> recoveries().stream().map(JsonObject.class::cast).anyMatch(r -> r.getBoolean("IsSuccessful")
                        && r.getJsonObject("AnalysisEntry").getString("Analysis").equals("LockedSemiSyncMaster")));
        OrchestratorNode.awaitTrue(SOON, "the master has a semi-sync client again", () -> "1".equals(sandbox.sql(
                sandbox.port(1), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                        + " WHERE VARIABLE_NAME = 'RPL_SEMI_SYNC_MASTER_CLIENTS'")));
        // the new semi-sync replica acknowledges only what it receives from now on; the next write's
        // acknowledgement also releases the write that was waiting, well before the master's 60 s timeout
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> writeOnMaster(
                "CREATE DATABASE IF NOT EXISTS semisync_recovery_it_next"));
        next.get(20, TimeUnit.SECONDS);
        write.get(5, TimeUnit.SECONDS);
        assertEquals("ON", sandbox.sql(sandbox.port(1), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'RPL_SEMI_SYNC_MASTER_STATUS'"), "semi-sync never fell back to async");
        assertEquals("1", sandbox.sql(sandbox.port(2), "SELECT @@global.rpl_semi_sync_slave_enabled"));
        assertEquals("0", sandbox.sql(sandbox.port(3), "SELECT @@global.rpl_semi_sync_slave_enabled"));
        assertEquals("0", sandbox.sql(sandbox.port(4), "SELECT @@global.rpl_semi_sync_slave_enabled"));
        assertEquals("1", sandbox.sql(sandbox.port(1), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'RPL_SEMI_SYNC_MASTER_CLIENTS'"));
    }

    private void writeOnMaster(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + sandbox.port(1) + "/", "ci", "ci");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("write on the master failed: " + e.getMessage(), e);
        }
    }

    private JsonArray recoveries() {
        return Json.createReader(new StringReader(node.get("/api/audit-recovery").body())).readArray();
    }

    private void restoreSemiSync() {
        sandbox.sql(sandbox.port(1), "SET GLOBAL rpl_semi_sync_master_enabled = 0");
        for (int member = 2; member <= 4; member++) {
            if (sandbox.sql(sandbox.port(member), "SELECT @@global.rpl_semi_sync_slave_enabled").equals("1")) {
                sandbox.sql(sandbox.port(member), "SET GLOBAL rpl_semi_sync_slave_enabled = 0;"
                        + " STOP SLAVE IO_THREAD; START SLAVE IO_THREAD");
            }
        }
        sandbox.sql(sandbox.port(1), "DROP DATABASE IF EXISTS semisync_recovery_it;"
                + " DROP DATABASE IF EXISTS semisync_recovery_it_next");
    }
}
