package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Semi-HA: two nodes on one plain MariaDB backend (no Galera) elect one leader through it, and that leader
 * fails a dead master over; the follower never does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemiHaIT {

    private static final int HTTP_BASE = Integer.getInteger("semiha.httpBase", 4720);
    /** Start-up on a busy 2-core machine, with other JVMs starting beside it. */
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private final Sandbox.Site sandbox = Sandbox.site();
    private final List<OrchestratorNode> nodes = new ArrayList<>();

    private String config(int n) {
        return "{\n  \"ListenAddress\": \":" + (HTTP_BASE + n) + "\",\n"
                + "  \"HTTPAdvertise\": \"http://127.0.0.1:" + (HTTP_BASE + n) + "\",\n"
                + "  \"BackendDB\": \"mysql\",\n  \"MySQLOrchestratorHost\": \"127.0.0.1\",\n"
                + "  \"MySQLOrchestratorPort\": " + sandbox.portBase() + ",\n"
                + "  \"MySQLOrchestratorUser\": \"orc\",\n  \"MySQLOrchestratorPassword\": \"orc\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"],\n  \"RecoveryPeriodBlockSeconds\": 3600\n}\n";
    }

    @BeforeAll
    void start() throws IOException {
        sandbox.freshBackend();
        sandbox.recreate();
        nodes.add(OrchestratorNode.start(HTTP_BASE + 1, config(1), List.of(), STARTUP));
        nodes.add(CompletableFuture.supplyAsync(() -> {
            try {
                return OrchestratorNode.start(HTTP_BASE + 2, config(2), List.of(), STARTUP);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).join());
        assertEquals(200, nodes.get(1).get("/api/discover/127.0.0.1/" + sandbox.port(1)).status());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(60), "both nodes see the four instances and are ready",
                () -> nodes.stream().allMatch(node -> node.client("-c", "all-instances").lines().size() == 4
                        && node.get("/health/ready").status() == 200));
    }

    @AfterAll
    void stop() throws IOException {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).close();
            Files.writeString(Path.of("target", "SemiHaIT-node" + (i + 1) + ".log"), nodes.get(i).log());
        }
        sandbox.recreate();
        sandbox.backendDown();
    }

    private List<Integer> leaders() {
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            int status = nodes.get(i).get("/api/leader-check").status();
            assertTrue(status == 200 || status == 404, "leader-check of node" + (i + 1) + " answered " + status);
            if (status == 200) {
                leaders.add(i + 1);
            }
        }
        return leaders;
    }

    private boolean writable(int port) {
        try {
            return sandbox.sql(port, "SELECT @@read_only").equals("0");
        } catch (AssertionError e) {
            return false;
        }
    }

    @Test
    void twoNodesOnOnePlainBackendElectOneLeaderWhichFailsOver() {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "one leader", () -> leaders().size() == 1);
        Instant end = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(end)) {
            assertEquals(1, leaders().size(), "exactly one leader, all along");
            OrchestratorNode.sleep(200);
        }
        sandbox.kill(sandbox.port(1));
        List<Integer> replicas = List.of(sandbox.port(2), sandbox.port(3), sandbox.port(4));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "a replica is promoted",
                () -> replicas.stream().anyMatch(this::writable));
        int promoted = replicas.stream().filter(this::writable).findFirst().orElseThrow();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the other replicas replicate from " + promoted,
                () -> replicas.stream().filter(p -> p != promoted).allMatch(p -> sandbox.replicatesFrom(p, promoted)));
        assertEquals(1, replicas.stream().filter(this::writable).count(), "one promotion");
        String recoveries = nodes.get(0).get("/api/audit-recovery").body();
        assertEquals(1, recoveries.split("\"UID\"", -1).length - 1, "one recovery record: " + recoveries);
    }
}
