package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Promotion rules and data-center limits decide the successor on the real sandbox: a {@code prefer} candidate
 * wins, a {@code must_not} one never does, and with PreventCrossDataCenterMasterFailover a replica in another
 * data center is passed over even when preferred.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateRulesIT {

    private static final int PORT = 3907;
    private static final List<Integer> REPLICAS = List.of(10112, 10113, 10114);

    @AfterAll
    void restoreSandbox() {
        Sandbox.recreate();
    }

    private static OrchestratorNode node(String extraConfig) throws IOException {
        Sandbox.recreate();
        OrchestratorNode node = OrchestratorNode.start(PORT, "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n" + extraConfig
                + "  \"RecoverMasterClusterFilters\": [\"*\"]\n}\n");
        assertEquals(0, node.client("-c", "discover", "-i", Sandbox.MASTER).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "sandbox discovered and ready",
                () -> node.client("-c", "all-instances").lines().size() == 4
                        && node.get("/health/ready").status() == 200);
        return node;
    }

    private static int promotedAfterMasterKill(OrchestratorNode node) {
        Sandbox.kill(10111);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "a replica promoted",
                () -> REPLICAS.stream().anyMatch(CandidateRulesIT::writable));
        return REPLICAS.stream().filter(CandidateRulesIT::writable).findFirst().orElseThrow();
    }

    private static final ServerWritability SERVERS = ServerWritability.defaultSandbox();

    private static boolean writable(int port) {
        return SERVERS.writable(port);
    }

    private static void register(OrchestratorNode node, int port, String rule) {
        Processes.Result r = node.client("-c", "register-candidate", "-i", "127.0.0.1:" + port, "-R", rule);
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private static void keepLog(OrchestratorNode node, String name) throws IOException {
        node.close();
        Files.writeString(Path.of("target", name), node.log());
    }

    @Test
    void aPreferCandidateWinsAndAMustNotNeverDoes() throws IOException {
        OrchestratorNode node = node("");
        try {
            // 10112 would win on key order among equals; must_not rules it out, prefer picks 10114
            register(node, 10112, "must_not");
            register(node, 10114, "prefer");
            assertEquals(10114, promotedAfterMasterKill(node));
            assertFalse(writable(10112), "the must_not replica stays read-only");
        } finally {
            keepLog(node, "CandidateRulesIT-prefer-node.log");
        }
    }

    @Test
    void aReplicaInAnotherDataCenterIsSkippedWhenCrossDataCenterFailoverIsPrevented() throws IOException {
        // 10113 reports data center dc2, every other server dc1
        OrchestratorNode node = node("  \"DetectDataCenterQuery\": \"SELECT IF(@@port = 10113, 'dc2', 'dc1')\",\n"
                + "  \"PreventCrossDataCenterMasterFailover\": true,\n");
        try {
            OrchestratorNode.awaitTrue(Duration.ofSeconds(5), "data centers detected",
                    () -> node.get("/api/instance/127.0.0.1/10113").body().contains("\"DataCenter\":\"dc2\""));
            register(node, 10113, "prefer");
            int promoted = promotedAfterMasterKill(node);
            assertTrue(promoted == 10112 || promoted == 10114, "promoted " + promoted);
            String steps = node.get("/api/audit-recovery").body();
            assertTrue(steps.contains("127.0.0.1:" + promoted), steps);
        } finally {
            keepLog(node, "CandidateRulesIT-datacenter-node.log");
        }
    }
}
