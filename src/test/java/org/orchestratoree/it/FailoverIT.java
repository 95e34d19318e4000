package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
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
                + "  \"DetectClusterDomainQuery\": \"SELECT 'ci.example.com'\",\n"
                // the pause keeps the recovery running long enough to be seen in active-cluster-recovery
                + "  \"PreFailoverProcesses\": [\"echo pre {failureType} {failedHost}:{failedPort} >> "
                + OrchestratorNode.NODE_DIR + "/hooks.log; sleep 3\"],\n"
                + "  \"PostMasterFailoverProcesses\": [\"echo post {failureType} {failedPort} "
                + "{successorHost}:{successorPort} {isSuccessful} $ORC_FAILURE_CLUSTER "
                + "{autoMasterRecovery} {autoIntermediateMasterRecovery} {failureClusterDomain} "
                + "$ORC_AUTO_MASTER_RECOVERY $ORC_FAILURE_CLUSTER_DOMAIN >> "
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

    private static final ServerWritability SERVERS = ServerWritability.defaultSandbox();

    private static boolean writable(int port) {
        return SERVERS.writable(port);
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

    /**
     * The completed recovery of 10111, as the recovery and detection listings show it: no longer running, but
     * recently active, with its steps, and the failure detected.
     */
    private void assertRecoveryRecorded(int successorPort) {
        JsonArray active = array("/api/active-cluster-recovery/" + Sandbox.MASTER);
        assertEquals(0, active.size(), "the recovery has ended: " + active);
        JsonArray recent = array("/api/recently-active-cluster-recovery/" + Sandbox.MASTER);
        assertEquals(1, recent.size(), recent.toString());
        JsonObject recovery = recent.getJsonObject(0);
        assertEquals(10111, recovery.getJsonObject("AnalysisEntry").getJsonObject("AnalyzedInstanceKey").getInt("Port"));
        assertEquals("DeadMaster", recovery.getJsonObject("AnalysisEntry").getString("Analysis"));
        assertEquals(successorPort, recovery.getJsonObject("SuccessorKey").getInt("Port"));
        assertTrue(recovery.getBoolean("IsSuccessful"), recovery.toString());

        List<String> steps = array("/api/audit-recovery-steps/" + recovery.getString("UID")).stream()
                .map(s -> s.asJsonObject().getString("Message")).toList();
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("will recover DeadMaster on 127.0.0.1:10111")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("promoted 127.0.0.1:" + successorPort + " to replace 127.0.0.1:10111")),
                steps.toString());

        JsonArray detections = array("/api/audit-failure-detection");
        assertTrue(detections.stream().map(JsonValue::asJsonObject).anyMatch(d ->
                d.getJsonObject("AnalysisEntry").getString("Analysis").equals("DeadMaster")
                        && d.getJsonObject("AnalysisEntry").getJsonObject("AnalyzedInstanceKey").getInt("Port") == 10111),
                detections.toString());
    }

    private JsonArray array(String path) {
        OrchestratorNode.Response r = node.get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    @Test
    void aKilledMasterIsReplacedAndASecondFailureWaitsForAcknowledgement() throws IOException {
        String filters = node.get("/api/automated-recovery-filters").body();
        assertTrue(filters.contains("\"RecoverMasterClusterFilters\":[\"*\"]"), filters);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the cluster's domain detected on the master",
                () -> node.get("/api/cluster-info/" + Sandbox.MASTER).body()
                        .contains("\"ClusterDomain\":\"ci.example.com\""));
        String info = node.get("/api/cluster-info/" + Sandbox.MASTER).body();
        assertTrue(info.contains("\"HasAutomatedMasterRecovery\":true"), info);
        assertTrue(info.contains("\"HasAutomatedIntermediateMasterRecovery\":false"), info);
        Sandbox.kill(10111);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "active-cluster-recovery lists the running recovery",
                () -> node.get("/api/active-cluster-recovery/" + Sandbox.MASTER).body()
                        .contains("\"AnalyzedInstanceKey\":{\"Hostname\":\"127.0.0.1\",\"Port\":10111}"));
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
        assertTrue(hookLines.contains("post DeadMaster 10111 " + successor + " true 127.0.0.1:10111 "
                + "true false ci.example.com true ci.example.com"), hookLines.toString());
        assertRecoveryRecorded(first);

        List<Integer> remaining = REPLICAS.stream().filter(p -> p != first).toList();
        Sandbox.kill(first);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the second recovery is blocked",
                () -> node.get("/api/blocked-recoveries").body().contains("127.0.0.1:" + first)
                        || node.get("/api/blocked-recoveries").body().contains("\"Port\":" + first));
        OrchestratorNode.holdsFor(Duration.ofSeconds(5), "none of " + remaining + " is made writable while the "
                + "recovery of " + first + " is blocked", () -> promoted(remaining).isEmpty());
        assertEquals(0, node.client("-c", "ack-all-recoveries", "-r", "failover test").exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "recovery after acknowledgement", () ->
                promoted(remaining).map(m -> remaining.stream().filter(p -> !p.equals(m))
                        .allMatch(p -> replicatesFrom(p, m))).orElse(false));
    }
}
