package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A node started from a configuration whose DiscoverySeeds name a master knows that master's whole topology
 * without anyone calling discover; a seed that does not answer is logged and does not stop start-up; a reload
 * that adds a second cluster's master as a seed discovers that cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoverySeedsIT {

    private static final int PORT = 4120;
    private final Sandbox.Site site = Sandbox.site();
    /** A port of the sandbox's range that no server of it listens on. */
    private final String silentSeed = "127.0.0.1:" + (site.portBase() + 9);
    private OrchestratorNode node;

    private String secondMaster() {
        return "127.0.0.1:" + (site.port(1) + 10);
    }

    @BeforeAll
    void start() throws IOException {
        Processes.ok(site.env(), "bin/sandbox", "down");
        Processes.ok(site.env(), "bin/sandbox", "up", "--clusters", "2");
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"DiscoverySeeds\": [\"" + site.key(1) + "\", \"" + silentSeed + "\"]\n}\n";
        node = OrchestratorNode.start(PORT, config);
    }

    @AfterAll
    void stop() throws IOException {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "DiscoverySeedsIT-node.log"), node.log());
        }
        Processes.ok(site.env(), "bin/sandbox", "down");
    }

    private List<String> instances() {
        return node.client("-c", "all-instances").lines();
    }

    @Test
    void seedsAreDiscoveredAtStartUpAndAgainAfterAReload() throws IOException {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the seed's 4 instances known without a discover",
                () -> instances().size() == 4);
        assertEquals(List.of(site.key(1), site.key(2), site.key(3), site.key(4)), instances());
        assertTrue(node.isAlive(), "a seed that does not answer does not stop the node");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the silent seed is logged", () -> {
            try {
                return node.log().contains("DiscoverySeeds: " + silentSeed + " could not be discovered");
            } catch (IOException e) {
                return false;
            }
        });

        Path extra = node.dir.resolve("seeds.json");
        Files.writeString(extra, "{\"DiscoverySeeds\": [\"" + site.key(1) + "\", \"" + secondMaster() + "\"]}\n");
        OrchestratorNode.Response reload = node.get("/api/reload-configuration?config=" + extra);
        assertEquals(200, reload.status(), reload.body());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the second cluster discovered after the reload",
                () -> instances().size() == 8);
        assertTrue(node.client("-c", "clusters").lines().containsAll(List.of(site.key(1), secondMaster())),
                node.client("-c", "clusters").out());
    }
}
