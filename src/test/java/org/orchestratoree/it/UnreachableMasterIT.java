package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The holistic rule against a real network cut: only the path from the node to the master is cut (its
 * replicas keep replicating from it), so the master is UnreachableMaster, not DeadMaster, and nothing fails
 * over even with automated recovery on for every cluster. Runs on the sandbox named by
 * {@code sandbox.portBase} / {@code sandbox.dir} and leaves it as it found it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreachableMasterIT {

    private static final int PORT = 3960;
    /** A group id of the node's JVM alone: the cut matches the sockets it owns. */
    private static final int NODE_GID = 47960;

    private final Sandbox.Site site = Sandbox.site();
    private final int master = site.port(1);
    private final List<Integer> replicas = List.of(site.port(2), site.port(3), site.port(4));
    private NodeCut cut;
    private OrchestratorNode node;

    @BeforeAll
    void start() throws IOException {
        assertTrue(Processes.run(java.util.Map.of(), 10, "getent", "group", String.valueOf(NODE_GID)).out()
                .isEmpty(), "group id " + NODE_GID + " must be free");
        cut = new NodeCut("orchee_unreachable_master_it", NODE_GID);
        site.up();
        if (!replicasReplicateFromMaster() || !"0".equals(readOnly(master))) {
            site.recreate(); // another test left a different topology behind
        }
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"MySQLConnectTimeoutSeconds\": 1,\n  \"MySQLDiscoveryReadTimeoutSeconds\": 2,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"],\n  \"RecoveryPeriodBlockSeconds\": 60\n}\n";
        node = OrchestratorNode.start(PORT, config, cut.wrapper());
        assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
    }

    @AfterAll
    void stop() throws IOException {
        if (cut != null) {
            cut.close();
        }
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "UnreachableMasterIT-node.log"), node.log());
        }
        site.up();
    }

    @BeforeEach
    void healthy() {
        cut.restore();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "sandbox discovered, every check valid, no findings",
                () -> node.client("-c", "all-instances").lines().size() == 4
                        && node.get("/health/ready").status() == 200
                        && lastCheckValid(site.key(1)) && replicas.stream().allMatch(p -> lastCheckValid(key(p)))
                        && analysisOf(site.key(1)).isEmpty());
    }

    private static String key(int port) {
        return "127.0.0.1:" + port;
    }

    private boolean lastCheckValid(String key) {
        OrchestratorNode.Response r = node.get("/api/instance/" + key.replace(':', '/'));
        return r.status() == 200 && DiscoveryScenarios.json(r.body()).asJsonObject().getBoolean("IsLastCheckValid");
    }

    private Optional<JsonObject> analysisOf(String key) {
        JsonArray details = DiscoveryScenarios.json(node.get("/api/replication-analysis").body()).asJsonObject()
                .getJsonArray("Details");
        return details.stream().map(v -> v.asJsonObject())
                .filter(a -> key(a.getJsonObject("AnalyzedInstanceKey")).equals(key))
                .findFirst();
    }

    private static String key(JsonObject k) {
        return k.getString("Hostname") + ":" + k.getInt("Port");
    }

    /** Read on the servers themselves: every replica's threads run against the master. */
    private boolean replicasReplicateFromMaster() {
        List<String> lines = site.status().lines().toList();
        return replicas.stream().allMatch(p -> lines.stream().anyMatch(l -> l.startsWith(p + " ")
                && l.contains("replica of " + master) && l.contains("IO=Yes SQL=Yes")));
    }

    private String readOnly(int port) {
        return site.sql(port, "SELECT @@read_only");
    }

    @Test
    void theCutBlocksTheNodeAloneAndRestoringItHeals() {
        assertTrue(cut.connects(master, true), "before the cut the node's group reaches the master");
        cut.cut(master);
        assertTrue(cut.active());
        assertFalse(cut.connects(master, true), "the node's group cannot connect to the master");
        assertTrue(cut.connects(master, false), "anyone else still connects to the master");
        assertTrue(cut.connects(replicas.get(0), true), "the node's group still reaches a replica");
        assertEquals("1", site.sql(master, "SELECT 1"), "bin/sandbox sql still reaches the master");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the node's last check of the master is invalid",
                () -> !lastCheckValid(site.key(1)));
        OrchestratorNode.holdsFor(Duration.ofSeconds(3), "the replicas are still checked and no recovery runs "
                + "while the node is cut off from " + master, () -> replicas.stream().allMatch(p -> lastCheckValid(key(p)))
                && node.get("/api/audit-recovery").body().strip().equals("[]"));

        cut.restore();
        assertFalse(cut.active());
        assertTrue(cut.connects(master, true), "after the restore the node's group reaches the master");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the master's last check is valid again",
                () -> lastCheckValid(site.key(1)));
        assertEquals("0", readOnly(master), "the master stays writable");
        assertTrue(replicasReplicateFromMaster(), site.status());
    }

    @Test
    void aMasterCutOffFromTheNodeAloneIsUnreachableAndNotFailedOver() {
        assertEquals("[]", node.get("/api/audit-recovery").body().strip(), "no recovery before the cut");
        cut.cut(master);
        Instant cutAt = Instant.now();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "UnreachableMaster reported for the cut-off master",
                () -> analysisOf(site.key(1)).map(a -> a.getString("Analysis").equals("UnreachableMaster"))
                        .orElse(false));
        System.out.println("UnreachableMaster after " + Duration.between(cutAt, Instant.now()).toMillis() + " ms");
        JsonObject finding = analysisOf(site.key(1)).orElseThrow();
        assertFalse(finding.getBoolean("IsActionableRecovery"), finding.toString());
        String reason = finding.getString("Reason");
        assertTrue(reason.contains("still replicate from it"), reason);
        for (int p : replicas) {
            assertTrue(reason.contains(key(p)), reason);
        }
        assertFalse(lastCheckValid(site.key(1)), "the master's last check is invalid");
        assertTrue(replicasReplicateFromMaster(), site.status());

        // automated recovery is on for every cluster: a wrong DeadMaster would fail over within this window
        OrchestratorNode.holdsFor(Duration.ofSeconds(8), "no recovery, the finding stays UnreachableMaster, "
                + master + " stays writable and " + replicas + " read-only while the node is cut off", () -> {
                    assertEquals("[]", node.get("/api/audit-recovery").body().strip(), "no recovery while cut off");
                    analysisOf(site.key(1)).ifPresent(a -> assertEquals("UnreachableMaster", a.getString("Analysis"),
                            a.toString()));
                    assertEquals("0", readOnly(master), "the master stays writable");
                    for (int p : replicas) {
                        assertEquals("1", readOnly(p), "replica " + p + " stays read-only");
                    }
                    return true;
                });
        assertTrue(replicasReplicateFromMaster(), site.status());
        assertEquals("[]", node.get("/api/audit-recovery").body().strip());

        cut.restore();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(15), "the finding clears and the master is checked again",
                () -> analysisOf(site.key(1)).isEmpty() && lastCheckValid(site.key(1)));
        assertEquals("[]", node.get("/api/audit-recovery").body().strip(), "no recovery after the restore");
    }
}
