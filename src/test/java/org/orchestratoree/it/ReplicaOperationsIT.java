package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * relocate-replicas and the client's instance and cluster queries against a real node on the sandbox, each
 * checked against the servers or the API and for the exact text the upstream client prints. Puts the sandbox back
 * as it found it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaOperationsIT {

    private static final int NODE_PORT = 4403;
    private static final Duration SOON = Duration.ofSeconds(20);

    private final Sandbox.Site sandbox = Sandbox.site();
    private final String master = sandbox.key(1);
    private final String second = sandbox.key(2);
    private final String third = sandbox.key(3);
    private final String fourth = sandbox.key(4);
    private OrchestratorNode node;

    @BeforeAll
    void start() throws IOException {
        sandbox.up();
        restoreTopology();
        String config = OrchestratorNode.config(NODE_PORT, "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \""
                + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n", 1)
                .replace("\n}\n", ",\n  \"DataCenterPattern\": \"^([0-9]+)[.]\"\n}\n");
        node = OrchestratorNode.start(NODE_PORT, config);
        assertEquals(0, node.client("-c", "discover", "-i", master).exitCode());
        awaitFourInstances();
    }

    @AfterAll
    void stop() throws IOException {
        try {
            restoreTopology();
        } finally {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "ReplicaOperationsIT-node.log"), node.log());
            }
        }
    }

    @Test
    @Order(1)
    void relocateReplicasBelowASiblingAndBackBelowTheMaster() {
        assertEquals(second + "\n" + fourth, client("relocate-replicas", "-i", master, "-d", third));
        OrchestratorNode.awaitTrue(SOON, second + " and " + fourth + " replicate from " + third,
                () -> sandbox.replicatesFrom(sandbox.port(2), sandbox.port(3))
                        && sandbox.replicatesFrom(sandbox.port(4), sandbox.port(3)));
        assertEquals(third, client("which-replicas", "-i", master), "only the destination is left below the master");

        OrchestratorNode.Response r = node.get("/api/relocate-replicas/" + path(third) + "/" + path(master));
        assertEquals(200, r.status(), r.body());
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("Relocated 2 replicas of " + third + " below " + master + "; 0 errors: []",
                body.getString("Message"));
        assertEquals(2, body.getJsonArray("Details").size());
        OrchestratorNode.awaitTrue(SOON, "all three replicate from the master again",
                () -> sandbox.replicatesFrom(sandbox.port(2), sandbox.port(1))
                        && sandbox.replicatesFrom(sandbox.port(4), sandbox.port(1)));

        assertEquals("", client("relocate-replicas", "-i", fourth), "no replicas: nothing moves, nothing printed");
        client("relocate", "-i", fourth, "-d", third);
        assertEquals(fourth, client("relocate-replicas", "-i", third), "without -d: below " + third + "'s master");
        assertTrue(sandbox.replicatesFrom(sandbox.port(4), sandbox.port(1)));

        Processes.Result refused = node.client("-c", "relocate-replicas", "-i", master);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.stderr().contains(master + " has no master; give the destination with -d"),
                refused.stderr());
    }

    @Test
    @Order(2)
    void isReplicationStoppedPrintsOnlyAStoppedReplica() {
        assertEquals("", client("is-replication-stopped", "-i", fourth));
        assertEquals("", client("is-replication-stopped", "-i", master), "a master has no threads to stop");
        client("stop-replica", "-i", fourth);
        try {
            assertEquals(fourth, client("is-replication-stopped", "-i", fourth));
        } finally {
            client("start-replica", "-i", fourth);
        }
        assertEquals("", client("is-replication-stopped", "-i", fourth));
    }

    @Test
    @Order(3)
    void whichBrokenReplicasNamesAReplicaStoppedOnAnError() {
        assertEquals("", client("which-broken-replicas", "-i", master));
        sandbox.sql(sandbox.port(1), "CREATE DATABASE IF NOT EXISTS broken_it;"
                + " CREATE TABLE broken_it.t (id INT PRIMARY KEY)");
        OrchestratorNode.awaitTrue(SOON, "the table reaches " + fourth, () -> sandbox.sql(sandbox.port(4),
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'broken_it'").equals("1"));
        // a row the replica has and the master has not: the master's insert of it stops the SQL thread (error 1062)
        sandbox.sql(sandbox.port(4), "SET SESSION sql_log_bin = 0; INSERT INTO broken_it.t VALUES (1)");
        sandbox.sql(sandbox.port(1), "INSERT INTO broken_it.t VALUES (1)");
        try {
            OrchestratorNode.awaitTrue(SOON, "the node sees " + fourth + "'s SQL thread stopped on an error",
                    () -> client("which-broken-replicas", "-i", master).equals(fourth));
            client("stop-replica", "-i", third);
            assertEquals(fourth, client("which-broken-replicas", "-i", master),
                    "a replica stopped by hand, without an error, is not broken");
        } finally {
            client("start-replica", "-i", third);
            sandbox.sql(sandbox.port(4), "SET SESSION sql_log_bin = 0; DELETE FROM broken_it.t; START SLAVE");
            sandbox.sql(sandbox.port(1), "DROP DATABASE IF EXISTS broken_it");
        }
        OrchestratorNode.awaitTrue(SOON, "no broken replica once " + fourth + " replicates again",
                () -> client("which-broken-replicas", "-i", master).isEmpty());
    }

    @Test
    @Order(4)
    void mastersDataCenterAliasAndAsyncDiscover() {
        assertEquals(master, client("all-clusters-masters"));
        assertEquals("127", client("dominant-dc"), "DataCenterPattern puts every sandbox server in 127");
        OrchestratorNode.Response info = node.get("/api/cluster-info/" + master);
        String alias = Json.createReader(new StringReader(info.body())).readObject().getString("ClusterAlias");
        assertEquals(alias, client("which-cluster-alias", "-i", third));
        assertEquals(":null", client("async-discover", "-i", second),
                "orchestrator answers without Details and its client prints this");
    }

    @Test
    @Order(5)
    void forgetClusterForgetsEveryInstanceUntilDiscoveredAgain() {
        assertEquals("", client("forget-cluster", "-i", third));
        OrchestratorNode.awaitTrue(SOON, "no instance left", () -> client("all-instances").isEmpty());
        client("discover", "-i", master);
        awaitFourInstances();
    }

    private void awaitFourInstances() {
        OrchestratorNode.awaitTrue(SOON, "all four sandbox instances known",
                () -> client("which-cluster-instances", "-i", master).lines().count() == 4);
    }

    /** Every replica back below the master, replicating, read-only. */
    private void restoreTopology() {
        for (int member = 2; member <= 4; member++) {
            if (!sandbox.replicatesFrom(sandbox.port(member), sandbox.port(1))) {
                sandbox.sql(sandbox.port(member), "STOP SLAVE; CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT="
                        + sandbox.port(1) + ", MASTER_USER='repl', MASTER_PASSWORD='repl', MASTER_USE_GTID=slave_pos,"
                        + " MASTER_CONNECT_RETRY=1, MASTER_HEARTBEAT_PERIOD=1; SET GLOBAL read_only = ON; START SLAVE");
            }
        }
    }

    private String client(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "-c";
        System.arraycopy(args, 0, command, 1, args.length);
        Processes.Result r = node.client(command);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.stderr());
        return r.out();
    }

    private static String path(String key) {
        return key.replace(':', '/');
    }
}
