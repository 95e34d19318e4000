package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code set global read_only=1} on the master: with RecoverNonWriteableMaster the leader makes it writable
 * again within seconds, audited and recorded as a NoWriteableMaster recovery; without it the master stays
 * read-only for the whole window watched, though the node reports the structure warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonWriteableMasterIT {

    private static final Duration WINDOW = Duration.ofSeconds(8);
    private final Sandbox.Site site = Sandbox.site();
    private final int m = site.port(1);

    @BeforeAll
    void fresh() {
        site.recreate();
    }

    @AfterAll
    void restore() {
        site.recreate();
    }

    @Test
    void aReadOnlyMasterIsMadeWritableWhenRecoverNonWriteableMaster() throws IOException {
        OrchestratorNode node = start(4203, true);
        try {
            Instant set = Instant.now();
            site.sql(m, "SET GLOBAL read_only = 1");
            OrchestratorNode.awaitTrue(Duration.ofSeconds(10), m + " writable again",
                    () -> site.sql(m, "SELECT @@global.read_only").equals("0"));
            long millis = Duration.between(set, Instant.now()).toMillis();
            System.out.println("NonWriteableMasterIT: " + m + " writable again " + millis + " ms after read_only=1");
            OrchestratorNode.awaitTrue(Duration.ofSeconds(5), "audited and recorded", () ->
                    node.get("/api/audit").body().contains("\"AuditType\":\"recover-non-writeable-master\"")
                            && node.get("/api/audit-recovery").body().contains("\"Analysis\":\"NoWriteableMaster\""));
            String audit = node.get("/api/audit").body();
            assertTrue(audit.contains("problem found; will recover"), audit);
            String recovery = node.get("/api/audit-recovery").body();
            java.util.regex.Matcher uid = java.util.regex.Pattern.compile("\"UID\":\"([^\"]+)\"").matcher(recovery);
            assertTrue(uid.find(), recovery);
            String steps = node.get("/api/audit-recovery-steps/" + uid.group(1)).body();
            assertTrue(steps.contains("will make 127.0.0.1:" + m + " writeable"), steps);
        } finally {
            stop(node, "recover");
        }
    }

    @Test
    void aReadOnlyMasterStaysReadOnlyWithoutRecoverNonWriteableMaster() throws IOException {
        site.sql(m, "SET GLOBAL read_only = 0");
        OrchestratorNode node = start(4204, false);
        try {
            site.sql(m, "SET GLOBAL read_only = 1");
            OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the node sees the read-only master",
                    () -> node.get("/api/replication-analysis").body().contains("NoWriteableMasterStructureWarning"));
            Instant end = Instant.now().plus(WINDOW);
            int checks = 0;
            while (Instant.now().isBefore(end)) {
                // site.sql fails the test when the server cannot be asked
                assertEquals("1", site.sql(m, "SELECT @@global.read_only"),
                        m + " made writable " + checks + " checks into the window");
                checks++;
                OrchestratorNode.sleep(200);
            }
            assertTrue(checks > 10, "watched " + WINDOW + " with " + checks + " checks");
            assertTrue(!node.get("/api/audit-recovery").body().contains("NoWriteableMaster"));
        } finally {
            site.sql(m, "SET GLOBAL read_only = 0");
            stop(node, "disabled");
        }
    }

    private OrchestratorNode start(int port, boolean recover) throws IOException {
        String config = "{\n  \"ListenAddress\": \":" + port + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"RecoverNonWriteableMaster\": " + recover + ",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1\n}\n";
        OrchestratorNode node = OrchestratorNode.start(port, config);
        assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "node sees the master of 3 and is ready",
                () -> node.client("-c", "which-replicas", "-i", site.key(1)).lines().size() == 3
                        && node.get("/health/ready").status() == 200);
        return node;
    }

    private void stop(OrchestratorNode node, String scenario) throws IOException {
        node.close();
        Files.writeString(Path.of("target", "NonWriteableMasterIT-" + scenario + "-node.log"), node.log());
    }
}
