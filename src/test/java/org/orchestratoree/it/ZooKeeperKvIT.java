package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Masters published to a real ZooKeeper (in this JVM) by a node watching two sandbox clusters, aliased kvone and
 * kvtwo: once by the periodic check, again on failover and on request, and caught up after ZooKeeper was down
 * during a failover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperKvIT {

    private static final int PORT = 3970;
    private static final int PERIOD_SECONDS = 3;
    private final Sandbox.Site site = Sandbox.site();
    private TestingServer zk;
    private CuratorFramework reader;
    private OrchestratorNode node;

    private int one(int member) {
        return site.port(member);
    }

    private int two(int member) {
        return site.port(member) + 10;
    }

    private void recreateTwoClusters() {
        Processes.ok(site.env(), "bin/sandbox", "down");
        Processes.ok(site.env(), "bin/sandbox", "up", "--clusters", "2");
    }

    /** ClusterNameToAlias entry: a cluster named by any of its four servers gets the alias. */
    private static String aliasRule(int first, String alias) {
        StringBuilder ports = new StringBuilder();
        for (int p = first; p < first + 4; p++) {
            ports.append(ports.length() == 0 ? "" : "|").append(p);
        }
        return "\"127[.]0[.]0[.]1:(" + ports + ")$\": \"" + alias + "\"";
    }

    @BeforeAll
    void start() throws Exception {
        recreateTwoClusters();
        int zkPort;
        try (ServerSocket s = new ServerSocket(0)) {
            zkPort = s.getLocalPort();
        }
        zk = new TestingServer(zkPort, true);
        reader = CuratorFrameworkFactory.newClient(zk.getConnectString(), 5000, 3000, new RetryOneTime(200));
        reader.start();
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"],\n  \"RecoveryPeriodBlockSeconds\": 60,\n"
                + "  \"ClusterNameToAlias\": {" + aliasRule(one(1), "kvone") + ", " + aliasRule(two(1), "kvtwo")
                + "},\n  \"ZkAddress\": \"" + zk.getConnectString() + "\",\n"
                + "  \"KVPeriodicCheckSeconds\": " + PERIOD_SECONDS + "\n}\n";
        node = OrchestratorNode.start(PORT, config);
        assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
        assertEquals(0, node.client("-c", "discover", "-i", "127.0.0.1:" + two(1)).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "both clusters discovered",
                () -> node.client("-c", "all-instances").lines().size() == 8);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
            Files.writeString(Path.of("target", "ZooKeeperKvIT-node.log"), node.log());
        }
        if (reader != null) {
            reader.close();
        }
        if (zk != null) {
            zk.close();
        }
        // leave the sandbox as the other tests expect it: one fresh cluster
        Processes.ok(site.env(), "bin/sandbox", "down");
        Processes.ok(site.env(), "bin/sandbox", "up");
    }

    private Optional<String> zkValue(String key) {
        try {
            return Optional.of(new String(reader.getData().forPath("/" + key), StandardCharsets.UTF_8));
        } catch (org.apache.zookeeper.KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("<unreadable: " + e + ">");
        }
    }

    /** How often the znode was written: 0 when created and never set again. */
    private int zkVersion(String key) throws Exception {
        Stat stat = reader.checkExists().forPath("/" + key);
        return stat == null ? -1 : stat.getVersion();
    }

    /** {@link #zkVersion}, failing the test when ZooKeeper cannot be asked. */
    private int zkVersionOrFail(String key) {
        try {
            return zkVersion(key);
        } catch (Exception e) {
            throw new AssertionError("cannot ask ZooKeeper for /" + key + ": " + e, e);
        }
    }

    private void awaitMaster(String alias, String master, int seconds) {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(seconds), "ZooKeeper names " + master + " for " + alias,
                () -> zkValue("mysql/master/" + alias).equals(Optional.of(master)));
    }

    private boolean writable(Sandbox.Site site, int port) {
        return ServerWritability.of(site).writable(port);
    }

    private int awaitPromoted(List<Integer> among) {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "a replica promoted among " + among,
                () -> among.stream().anyMatch(p -> writable(site, p)));
        return among.stream().filter(p -> writable(site, p)).findFirst().orElseThrow();
    }

    /** The steps of the newest recovery of the cluster the instance belongs to. */
    private List<String> latestRecoverySteps(int successorPort) {
        JsonArray recoveries = Json.createReader(new StringReader(node.get("/api/audit-recovery").body())).readArray();
        for (JsonValue v : recoveries) {
            JsonObject r = v.asJsonObject();
            JsonObject successor = r.getJsonObject("SuccessorKey");
            if (successor != null && successor.getInt("Port") == successorPort) {
                JsonArray steps = Json.createReader(new StringReader(
                        node.get("/api/audit-recovery-steps/" + r.getString("UID")).body())).readArray();
                return steps.stream().map(s -> s.asJsonObject().getString("Message")).toList();
            }
        }
        return List.of();
    }

    @Test
    @Order(1)
    void discoveryPublishesEachClusterOnce() throws Exception {
        awaitMaster("kvone", site.key(1), 20);
        awaitMaster("kvtwo", "127.0.0.1:" + two(1), 20);
        assertEquals(Optional.of("127.0.0.1"), zkValue("mysql/master/kvone/hostname"));
        assertEquals(Optional.of(String.valueOf(one(1))), zkValue("mysql/master/kvone/port"));
        assertEquals(Optional.of("127.0.0.1"), zkValue("mysql/master/kvone/ipv4"));
        assertEquals(Optional.of(""), zkValue("mysql/master/kvone/ipv6"));
        OrchestratorNode.holdsFor(Duration.ofMillis(2500L * PERIOD_SECONDS),
                "ZooKeeper's kvone and kvtwo/port znodes are not written again by the periodic checks (version 0)",
                () -> zkVersionOrFail("mysql/master/kvone") == 0 && zkVersionOrFail("mysql/master/kvtwo/port") == 0);
        String internal = node.get("/api/kv").body();
        assertTrue(internal.contains("{\"Key\":\"mysql/master/kvone\",\"Value\":\"" + site.key(1) + "\"}"), internal);
        assertEquals(200, node.get("/api/kv/mysql/master/kvone/port").status());
    }

    @Test
    @Order(2)
    void thePeriodicCheckInjectsOnceWhileAManualSubmitOverwritesOneCluster() throws Exception {
        reader.delete().forPath("/mysql/master/kvone/port");
        OrchestratorNode.holdsFor(Duration.ofMillis(2500L * PERIOD_SECONDS),
                "the znode deleted by hand stays deleted through the periodic checks (the internal entry exists)",
                () -> zkVersionOrFail("mysql/master/kvone/port") == -1);

        Processes.Result submit = node.client("-c", "submit-masters-to-kv-stores", "-a", "kvone");
        assertEquals(0, submit.exitCode(), submit.toString());
        assertTrue(submit.lines().contains("mysql/master/kvone:" + site.key(1)), submit.lines().toString());
        assertTrue(submit.lines().contains("mysql/master/kvone/port:" + one(1)), submit.lines().toString());
        assertFalse(submit.out().contains("kvtwo"), submit.out());
        assertEquals(Optional.of(String.valueOf(one(1))), zkValue("mysql/master/kvone/port"));
        assertEquals(1, zkVersion("mysql/master/kvone"), "kvone overwritten");
        assertEquals(0, zkVersion("mysql/master/kvtwo"), "kvtwo untouched");

        String all = node.get("/api/submit-masters-to-kv-stores").body();
        assertTrue(all.contains("\"Code\":\"OK\"") && all.contains("mysql/master/kvtwo/ipv4"), all);
    }

    @Test
    @Order(3)
    void aFailoverPublishesTheNewMaster() {
        site.kill(one(1));
        int promoted = awaitPromoted(List.of(one(2), one(3), one(4)));
        awaitMaster("kvone", "127.0.0.1:" + promoted, 20);
        assertEquals(Optional.of(String.valueOf(promoted)), zkValue("mysql/master/kvone/port"));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the recovery's steps record the KV write",
                () -> latestRecoverySteps(promoted).contains("kv: wrote 5 keys to internal, zk"));
    }

    @Test
    @Order(4)
    void aFailoverWhileZooKeeperIsDownCompletesAndZooKeeperCatchesUp() throws Exception {
        zk.stop();
        site.kill(two(1));
        int promoted = awaitPromoted(List.of(two(2), two(3), two(4)));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "the recovery's steps record the ZooKeeper failure",
                () -> latestRecoverySteps(promoted).stream().anyMatch(s -> s.startsWith("kv: wrote 5 keys to internal;")
                        && s.contains("zk failed")));
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the node shows the new master", () -> node.client("-c",
                "which-cluster-master", "-i", "127.0.0.1:" + promoted).out().equals("127.0.0.1:" + promoted));
        assertTrue(node.get("/api/kv/mysql/master/kvtwo").body().contains("127.0.0.1:" + promoted));

        zk.restart();
        awaitMaster("kvtwo", "127.0.0.1:" + promoted, 4 * PERIOD_SECONDS + 10);
        assertEquals(Optional.of(String.valueOf(promoted)), zkValue("mysql/master/kvtwo/port"));
    }
}
