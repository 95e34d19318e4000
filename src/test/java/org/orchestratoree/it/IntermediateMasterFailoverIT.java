package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Automated intermediate master recovery on the real sandbox, judged by the servers themselves: with replica 4
 * relocated below replica 3, a {@code kill -9} of replica 3 moves replica 4 below its sibling (replica 2) or up
 * below the master, by GTID, and replication flows again. Runs on the sandbox named by sandbox.portBase /
 * sandbox.dir and recreates it before and after, so it leaves it as a fresh topology.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntermediateMasterFailoverIT {

    private static final int PORT = 3950;
    private static final Duration RECOVERY = Duration.ofSeconds(15);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final int master = sandbox.port(1);
    private final int sibling = sandbox.port(2);
    private final int intermediate = sandbox.port(3);
    private final int orphan = sandbox.port(4);
    private OrchestratorNode node;
    private Path hooks;

    @BeforeAll
    void start() throws IOException {
        sandbox.recreate();
        String log = OrchestratorNode.NODE_DIR + "/hooks.log";
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"RecoverIntermediateMasterClusterFilters\": [\"*\"],\n"
                + "  \"PostIntermediateMasterFailoverProcesses\": [\"echo im {failureType} {instanceType} "
                + "{failedHost}:{failedPort} {successorHost}:{successorPort} {isSuccessful} "
                + "lost={countLostReplicas} {failureCluster} >> " + log + "\"],\n"
                + "  \"PostFailoverProcesses\": [\"echo post {failureType} {failedPort} >> " + log + "\"],\n"
                + "  \"PostMasterFailoverProcesses\": [\"echo master-hook {failedPort} >> " + log + "\"]\n}\n";
        node = OrchestratorNode.start(PORT, config);
        hooks = node.dir.resolve("hooks.log");
        assertEquals(0, node.client("-c", "discover", "-i", sandbox.key(1)).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "sandbox discovered and ready",
                () -> node.client("-c", "all-instances").lines().size() == 4
                        && node.get("/health/ready").status() == 200);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "IntermediateMasterFailoverIT-node.log"), node.log());
            }
        } finally {
            sandbox.recreate();
        }
    }

    @Test
    void theReplicasOfAKilledIntermediateMasterMoveBelowASiblingOrTheMaster() throws IOException {
        Processes.Result relocate = node.client("-c", "relocate", "-i", sandbox.key(4), "-d", sandbox.key(3));
        assertEquals(0, relocate.exitCode(), relocate.stderr());
        assertTrue(sandbox.replicatesFrom(orphan, intermediate), "relocated on the server");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the node shows " + orphan + " at depth 2",
                () -> instance(orphan).getInt("ReplicationDepth") == 2);

        sandbox.kill(intermediate);
        OrchestratorNode.awaitTrue(RECOVERY, orphan + " replicates from " + sibling + " or " + master,
                () -> newParent().isPresent());
        int parent = newParent().orElseThrow();

        String marker = UUID.randomUUID().toString();
        sandbox.sql(master, "CREATE TABLE IF NOT EXISTS sandbox.im_failover (id VARCHAR(36) PRIMARY KEY)");
        sandbox.sql(master, "INSERT INTO sandbox.im_failover VALUES ('" + marker + "')");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "a write on the master reaches " + orphan,
                () -> sandbox.sql(orphan, "SELECT COUNT(*) FROM sandbox.im_failover WHERE id = '" + marker + "'")
                        .equals("1"));

        JsonObject recovery = recoveryOf(intermediate).orElseThrow();
        assertTrue(recovery.getJsonObject("AnalysisEntry").getString("Analysis").startsWith("DeadIntermediateMaster"),
                recovery.toString());
        assertTrue(recovery.getBoolean("IsSuccessful"), recovery.toString());
        assertEquals(parent, recovery.getJsonObject("SuccessorKey").getInt("Port"), recovery.toString());
        assertEquals(0, recovery.getJsonArray("LostReplicas").size(), recovery.toString());

        OrchestratorNode.awaitTrue(Duration.ofSeconds(5), "hooks ran", () -> hookLines().stream()
                .anyMatch(l -> l.startsWith("post ")));
        List<String> lines = hookLines();
        String analysis = recovery.getJsonObject("AnalysisEntry").getString("Analysis");
        assertTrue(lines.contains("im " + analysis + " intermediate-master " + sandbox.key(3) + " 127.0.0.1:" + parent
                + " true lost=0 " + sandbox.key(1)), lines.toString());
        assertTrue(lines.contains("post " + analysis + " " + intermediate), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("master-hook")), lines.toString());

        JsonObject dead = instance(intermediate);
        assertTrue(dead.getBoolean("IsDowntimed"), dead.toString());
        assertEquals("lost-in-recovery", dead.getString("DowntimeReason"));
        assertTrue(node.get("/api/audit").body().contains("recover-dead-intermediate-master"));
    }

    /** The master the orphan replicates from now, as the server itself says, if it is one of the expected two. */
    private Optional<Integer> newParent() {
        return List.of(sibling, master).stream().filter(p -> sandbox.replicatesFrom(orphan, p)).findFirst();
    }

    private Optional<JsonObject> recoveryOf(int failedPort) {
        JsonArray all = Json.createReader(new StringReader(node.get("/api/audit-recovery").body())).readArray();
        return all.stream().map(v -> v.asJsonObject()).filter(r -> r.getJsonObject("AnalysisEntry")
                .getJsonObject("AnalyzedInstanceKey").getInt("Port") == failedPort).findFirst();
    }

    private JsonObject instance(int port) {
        return Json.createReader(new StringReader(node.get("/api/instance/127.0.0.1/" + port).body())).readObject();
    }

    private List<String> hookLines() {
        try {
            return Files.exists(hooks) ? Files.readAllLines(hooks) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
