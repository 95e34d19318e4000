package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A one-entry RaftNodes is a group of one that leads itself and behaves like a single node; a raft port that
 * is taken stops start-up with a message naming RaftBind.
 */
class RaftSingleNodeIT {

    private static final int PORT = 4541;
    private static final int RAFT_PORT = 4645;
    private final Sandbox.Site site = Sandbox.site();

    private static String config(Path dir) {
        return "{\"ListenAddress\": \":" + PORT + "\", \"SQLite3DataFile\": \"" + dir + "/o.sqlite3\","
                + " \"MySQLTopologyUser\": \"ci\", \"MySQLTopologyPassword\": \"ci\", \"InstancePollSeconds\": 1,"
                + " \"RaftEnabled\": true, \"RaftDataDir\": \"" + dir + "/raft\", \"RaftBind\": \"127.0.0.1:"
                + RAFT_PORT + "\", \"RaftNodes\": [\"127.0.0.1:" + RAFT_PORT + "\"]}";
    }

    private static OrchestratorNode launch(Path dir) throws IOException {
        Path file = dir.resolve("orchestrator.conf.json");
        Files.writeString(file, config(dir));
        return OrchestratorNode.wrap(PORT, dir, OrchestratorNode.launch(file, dir));
    }

    @Test
    void aGroupOfOneLeadsItselfAndWorksLikeASingleNode() throws IOException {
        site.up();
        Path dir = Files.createTempDirectory("orchestrator-ee-raft1-");
        try (OrchestratorNode node = launch(dir)) {
            OrchestratorNode.awaitTrue(Duration.ofMinutes(5), "the node leads its group of one",
                    () -> node.isAlive() && answers(node, "/api/leader-check") == 200);
            assertEquals("\"Leader\"", node.get("/api/raft-state").body());
            assertEquals(200, node.get("/api/raft-health").status());
            assertEquals("[\"127.0.0.1:" + RAFT_PORT + "\"]", node.get("/api/raft-peers").body());
            assertTrue(node.get("/api/health").body().contains("\"IsRaftLeader\":true"), node.get("/api/health").body());
            assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
            OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the sandbox is discovered",
                    () -> node.client("-c", "all-instances").lines().size() == 4);
            assertEquals(0, node.client("-c", "begin-downtime", "-i", site.key(2), "-o", "it", "-r", "one-node",
                    "-u", "5m").exitCode());
            assertEquals(site.key(2), node.client("-c", "downtimed").out().strip());
            assertEquals(0, node.client("-c", "end-downtime", "-i", site.key(2)).exitCode());
            assertEquals("", node.client("-c", "downtimed").out().strip());
        } finally {
            Files.writeString(Path.of("target", "RaftSingleNodeIT-node.log"), Files.exists(dir.resolve("node.log"))
                    ? Files.readString(dir.resolve("node.log")) : "");
        }
    }

    private static int answers(OrchestratorNode node, String path) {
        try {
            return node.get(path).status();
        } catch (AssertionError e) {
            return -1;
        }
    }

    @Test
    void aTakenRaftPortStopsStartUpNamingRaftBind() throws Exception {
        Path dir = Files.createTempDirectory("orchestrator-ee-raft-taken-");
        try (ServerSocket taken = new ServerSocket(RAFT_PORT, 1, InetAddress.getByName("127.0.0.1"))) {
            OrchestratorNode node = launch(dir);
            int exit = node.awaitExit(Duration.ofMinutes(5));
            String log = node.log();
            assertNotEquals(0, exit, log);
            assertTrue(log.contains("FATAL: RaftBind = '127.0.0.1:" + RAFT_PORT + "': raft port " + RAFT_PORT
                    + " cannot be bound"), log);
        }
    }
}
