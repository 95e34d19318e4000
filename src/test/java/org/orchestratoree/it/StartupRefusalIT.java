package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node with a broken configuration or an unreachable backend does not start: it exits non-zero with one
 * message that names the problem, and writes nothing.
 */
class StartupRefusalIT {

    private static final int PORT = 3903;

    @Test
    void malformedJsonIsRefusedByTheLauncher() throws IOException {
        Path config = Files.createTempFile("broken", ".json");
        Files.writeString(config, "{\"ListenAddress\": \":3903\", ");
        Processes.Result r = Processes.run(Map.of(), 30, "bin/orchestrator-ee", "--config", config.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("is not valid JSON"), r.stderr());
    }

    @Test
    void aMissingFileIsRefusedByTheLauncher() {
        Processes.Result r = Processes.run(Map.of(), 30, "bin/orchestrator-ee", "--config", "/nonexistent/conf.json");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("does not exist"), r.stderr());
    }

    @Test
    void anUnknownBackendStopsStartUp() throws Exception {
        assertRefused("{\"ListenAddress\": \":3903\", \"SQLite3DataFile\": \"@NODE_DIR@/o.sqlite3\", "
                + "\"BackendDB\": \"oracle\"}", "BackendDB = 'oracle' is not supported");
    }

    @Test
    void aBadValueStopsStartUpNamingKeyAndValue() throws Exception {
        assertRefused("{\"ListenAddress\": \":3903\", \"SQLite3DataFile\": \"@NODE_DIR@/o.sqlite3\", "
                + "\"InstancePollSeconds\": \"soon\"}", "InstancePollSeconds = 'soon' is not a whole number");
    }

    @Test
    void aMalformedDiscoverySeedStopsStartUpNamingKeyAndValue() throws Exception {
        assertRefused("{\"ListenAddress\": \":3903\", \"SQLite3DataFile\": \"@NODE_DIR@/o.sqlite3\", "
                + "\"DiscoverySeeds\": [\"127.0.0.1:10111\", \"db1\"]}", "DiscoverySeeds = 'db1' is not host:port");
    }

    @Test
    void anUnreachableMySqlBackendEndsTheNode() throws Exception {
        String log = assertRefused("{\"ListenAddress\": \":3903\", \"SQLite3DataFile\": \"@NODE_DIR@/o.sqlite3\", "
                + "\"BackendDB\": \"mysql\", "
                + "\"MySQLOrchestratorHost\": \"127.0.0.1\", \"MySQLOrchestratorPort\": 1, "
                + "\"MySQLOrchestratorUser\": \"orc\", \"MySQLOrchestratorPassword\": \"orc\", "
                + "\"BackendUnreachableExitSeconds\": 3}", "stayed unreachable for 3s");
        assertTrue(log.contains("mysql:orc@127.0.0.1:1/orchestrator"), "the message names the backend");
    }

    /**
     * Starts a node that must refuse to start. Each configuration puts its SQLite file in the node's directory,
     * so that "nothing written" is checked where a wrongly opened backend would write.
     */
    private static String assertRefused(String configJson, String expectedMessage) throws Exception {
        assertTrue(configJson.contains("\"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/o.sqlite3\""),
                "the configuration puts its SQLite file in the directory checked: " + configJson);
        Path dir = Files.createTempDirectory("orchestrator-ee-refusal-");
        Path config = dir.resolve("orchestrator.conf.json");
        Files.writeString(config, configJson.replace(OrchestratorNode.NODE_DIR, dir.toString()));
        OrchestratorNode node = OrchestratorNode.wrap(PORT, dir, OrchestratorNode.launch(config, dir));
        try {
            int exit = node.awaitExit(Duration.ofSeconds(90));
            String log = node.log();
            assertNotEquals(0, exit, log);
            assertTrue(log.contains("FATAL: ") && log.contains(expectedMessage), log);
            assertFalse(Files.exists(dir.resolve("o.sqlite3")), "no SQLite file written by a refused start");
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("o.sqlite3")),
                        "nothing is written by a refused start");
            }
            return log;
        } finally {
            node.close();
        }
    }
}
