package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Automated master failover on the real sandbox, judged by the servers themselves: after a {@code kill -9} of
 * the master a replica is writable and the two others replicate from it by GTID; a second failure inside
 * RecoveryPeriodBlockSeconds is blocked until the recoveries are acknowledged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverIT {

    private static final int PORT = 3906;
    private static final List<Integer> REPLICAS = List.of(10112, 10113, 10114);
    private OrchestratorNode node;
    private Path hooks;

    @BeforeAll
    void start() throws IOException {
        Sandbox.recreate();
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"],\n  \"RecoveryPeriodBlockSeconds\": 3600,\n"
                + "  \"PreFailoverProcesses\": [\"echo pre {failureType} {failedHost}:{failedPort} >> "
                + OrchestratorNode.NODE_DIR + "/hooks.log\"],\n"
                + "  \"PostMasterFailoverProcesses\": [\"echo post {failureType} {failedPort} "
                + "{successorHost}:{successorPort} {isSuccessful} $ORC_FAILURE_CLUSTER >> "
                + OrchestratorNode.NODE_DIR + "/hooks.log\"]\n}\n";
        node = OrchestratorNode.start(PORT, config);
        hooks = node.dir.resolve("hooks.log");
        assertEquals(0, node.client("-c", "discover", "-i", Sandbox.MASTER).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "sandbox discovered and ready",
                () -> node.client("-c", "all-instances").lines().size() == 4
                        && node.get("/health/ready").status() == 200);
    }

    @AfterAll
    void stop() throws IOException {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "FailoverIT-node.log"), node.log());
        }
        Sandbox.recreate();
    }

    private static boolean writable(int port) {
        try {
            return Sandbox.sql(port, "SELECT @@read_only").equals("0");
        } catch (AssertionError e) {
            return false;
        }
    }

    private static boolean replicatesFrom(int port, int master) {
        // bin/sandbox status reads SHOW SLAVE STATUS on the server itself
        String status = Processes.run(java.util.Map.of(), 30, "bin/sandbox", "status").stdout();
        return status.lines().anyMatch(l -> l.startsWith(port + " ") && l.contains("replica of " + master)
                && l.contains("IO=Yes SQL=Yes"));
    }

    private static Optional<Integer> promoted(List<Integer> among) {
        return among.stream().filter(FailoverIT::writable).findFirst();
    }

    @Test
    void aKilledMasterIsReplacedAndASecondFailureWaitsForAcknowledgement() throws IOException {
        String filters = node.get("/api/automated-recovery-filters").body();
        assertTrue(filters.contains("\"RecoverMasterClusterFilters\":[\"*\"]"), filters);
        Sandbox.kill(10111);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "a replica promoted and its siblings below it", () ->
                promoted(REPLICAS).map(m -> REPLICAS.stream().filter(p -> !p.equals(m))
                        .allMatch(p -> replicatesFrom(p, m))).orElse(false));
        int first = promoted(REPLICAS).orElseThrow();
        Sandbox.sql(first, "REPLACE INTO sandbox.heartbeat (id, server_id, ts) VALUES (1, @@server_id, NOW(6))");
        String successor = "127.0.0.1:" + first;
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the node shows the new master",
                () -> node.client("-c", "which-cluster-master", "-i", successor).out().equals(successor));
        assertTrue(node.client("-c", "downtimed").lines().contains(Sandbox.MASTER), "old master downtimed");
        String downtime = node.get("/api/instance/127.0.0.1/10111").body();
        assertTrue(downtime.contains("\"DowntimeReason\":\"lost-in-recovery\""), downtime);
        String audit = node.get("/api/audit-recovery").body();
        assertTrue(audit.contains("\"SuccessorKey\":{\"Hostname\":\"127.0.0.1\",\"Port\":" + first + "}"), audit);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(5), "hooks ran", () -> {
            try {
                return Files.exists(hooks) && Files.readString(hooks).contains("post ");
            } catch (IOException e) {
                return false;
            }
        });
        List<String> hookLines = Files.readAllLines(hooks);
        assertTrue(hookLines.contains("pre DeadMaster 127.0.0.1:10111"), hookLines.toString());
        assertTrue(hookLines.contains("post DeadMaster 10111 " + successor + " true 127.0.0.1:10111"),
                hookLines.toString());

        List<Integer> remaining = REPLICAS.stream().filter(p -> p != first).toList();
        Sandbox.kill(first);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the second recovery is blocked",
                () -> node.get("/api/blocked-recoveries").body().contains("127.0.0.1:" + first)
                        || node.get("/api/blocked-recoveries").body().contains("\"Port\":" + first));
        assertTrue(promoted(remaining).isEmpty(), "no promotion while blocked");
        assertEquals(0, node.client("-c", "ack-all-recoveries", "-r", "failover test").exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "recovery after acknowledgement", () ->
                promoted(remaining).map(m -> remaining.stream().filter(p -> !p.equals(m))
                        .allMatch(p -> replicatesFrom(p, m))).orElse(false));
    }
}
