package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Holistic failure detection on the real sandbox: a crashed master is DeadMaster only because its replicas
 * confirm they cannot reach it, and the finding clears once it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureDetectionIT {

    private static final int PORT = 3905;
    private OrchestratorNode node;

    @BeforeAll
    void start() throws IOException {
        Sandbox.up();
        node = OrchestratorNode.start(PORT, OrchestratorNode.config(PORT, "  \"SQLite3DataFile\": \""
                + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n", 1));
        assertEquals(0, node.client("-c", "discover", "-i", Sandbox.MASTER).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(5), "sandbox discovered",
                () -> node.client("-c", "all-instances").lines().size() == 4);
    }

    @AfterAll
    void stop() throws IOException {
        Sandbox.up(); // the master comes back even if a test failed half-way
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "FailureDetectionIT-node.log"), node.log());
        }
    }

    private Optional<JsonObject> analysisOf(String key) {
        JsonArray details = DiscoveryScenarios.json(node.get("/api/replication-analysis").body()).asJsonObject()
                .getJsonArray("Details");
        return details.stream().map(v -> v.asJsonObject())
                .filter(a -> (a.getJsonObject("AnalyzedInstanceKey").getString("Hostname") + ":"
                        + a.getJsonObject("AnalyzedInstanceKey").getInt("Port")).equals(key))
                .findFirst();
    }

    @Test
    void aCrashedMasterIsDeadMasterConfirmedByItsReplicasThenClears() {
        assertEquals("", node.client("-c", "replication-analysis").out(), "a healthy sandbox has no findings");
        Sandbox.kill(10111);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "DeadMaster reported for the killed master",
                () -> analysisOf(Sandbox.MASTER).map(a -> a.getString("Analysis").equals("DeadMaster")).orElse(false));
        JsonObject dead = analysisOf(Sandbox.MASTER).orElseThrow();
        assertTrue(dead.getBoolean("IsActionableRecovery"));
        assertEquals(3, dead.getInt("CountReplicasFailingToConnectToMaster"));
        assertTrue(dead.getString("Reason").contains("127.0.0.1:10112"), dead.getString("Reason"));
        assertEquals("127.0.0.1:10111 (cluster 127.0.0.1:10111): DeadMaster",
                node.client("-c", "replication-analysis").lines().stream()
                        .filter(l -> l.startsWith(Sandbox.MASTER)).findFirst().orElse(""));

        Sandbox.start(10111);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(15), "the finding clears once the master is back",
                () -> analysisOf(Sandbox.MASTER).isEmpty());
    }
}
