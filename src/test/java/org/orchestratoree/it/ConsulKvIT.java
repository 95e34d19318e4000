package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orchestratoree.kv.consul.ConsulApiStandIn;

/**
 * A node publishing masters to Consul with the transactional provider and cross data-center distribution.
 * No Consul server can be installed here, so the node talks to the Consul HTTP API stand-in that follows
 * Consul's documented KV, /v1/txn and catalog semantics (see the README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsulKvIT {

    private static final int PORT = 3971;
    private static final String KEY = "mysql/master/sandbox";
    private ConsulApiStandIn consul;
    private OrchestratorNode node;

    @BeforeAll
    void start() throws Exception {
        Sandbox.recreate();
        consul = ConsulApiStandIn.start();
        consul.dataCenters("dc1", "dc2", "dc3");
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"],\n"
                + "  \"ClusterNameToAlias\": {\"127.0.0.1:1011[1-4]\": \"sandbox\"},\n"
                + "  \"ConsulAddress\": \"" + consul.address() + "\",\n"
                + "  \"ConsulKVStoreProvider\": \"consul-txn\",\n  \"ConsulMaxKVsPerTransaction\": 5,\n"
                + "  \"ConsulCrossDataCenterDistribution\": true,\n  \"KVPeriodicCheckSeconds\": 2\n}\n";
        node = OrchestratorNode.start(PORT, config);
        assertEquals(0, node.client("-c", "discover", "-i", Sandbox.MASTER).exitCode());
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "ConsulKvIT-node.log"), node.log());
        }
        if (consul != null) {
            consul.close();
        }
        Sandbox.recreate();
    }

    private Optional<String> value(String dc, String key) {
        return consul.value(dc, key);
    }

    @Test
    void mastersReachEveryDataCenterAtomicallyAndFollowAFailover() {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the master in Consul's own and every other data center",
                () -> List.of("dc1", "dc2", "dc3").stream()
                        .allMatch(dc -> value(dc, KEY).equals(Optional.of(Sandbox.MASTER))));
        assertEquals(Optional.of("10111"), value("dc1", KEY + "/port"));
        assertEquals(Optional.of("127.0.0.1"), value("dc2", KEY + "/hostname"));
        assertEquals(Optional.of("127.0.0.1"), value("dc3", KEY + "/ipv4"));

        Processes.Result submit = node.client("-c", "submit-masters-to-kv-stores", "-a", "sandbox");
        assertEquals(0, submit.exitCode(), submit.stderr());
        assertTrue(submit.lines().contains(KEY + ":" + Sandbox.MASTER), submit.out());

        int writesBefore = consul.writeOps("dc1");
        Sandbox.kill(10111);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "Consul names the new master",
                () -> value("dc1", KEY).map(v -> !v.equals(Sandbox.MASTER)).orElse(false));
        String successor = value("dc1", KEY).orElseThrow();
        assertTrue(List.of("127.0.0.1:10112", "127.0.0.1:10113", "127.0.0.1:10114").contains(successor), successor);
        assertEquals(Optional.of(successor.substring(successor.indexOf(':') + 1)), value("dc1", KEY + "/port"));
        // only the changed keys are written: the master key and its port, hostname and addresses are unchanged
        assertTrue(consul.writeOps("dc1") - writesBefore <= 2, "writes " + (consul.writeOps("dc1") - writesBefore));
        String audit = node.get("/api/audit-recovery").body();
        assertTrue(audit.contains(successor.substring(successor.indexOf(':') + 1)), audit);
    }
}
