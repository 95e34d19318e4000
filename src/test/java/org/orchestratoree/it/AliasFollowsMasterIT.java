package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A cluster followed by its alias (DetectClusterAliasQuery "SELECT 'ci'") keeps answering with its live master
 * after the master goes away, by a clean shutdown or by {@code kill -9}: once the recovery is done,
 * {@code which-cluster-master -alias ci}, {@code topology-tabulated -alias ci}, {@code /api/cluster/alias/ci} and
 * the KV entry {@code mysql/master/ci} name the promoted replica, and none of them names the dead master in
 * the seconds that follow. Also: set-cluster-alias overrides the alias and the override follows a takeover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasFollowsMasterIT {

    private static final int PORT = 4200;
    private static final Duration WATCH = Duration.ofSeconds(6);
    private final Sandbox.Site site = Sandbox.site();
    private final List<Integer> replicas = List.of(site.port(2), site.port(3), site.port(4));
    private OrchestratorNode node;

    @AfterAll
    void restore() {
        site.recreate();
    }

    @Test
    void aCleanlyShutDownMasterHandsTheAliasToThePromotedReplica() throws IOException {
        failOverAndFollow("shutdown", () -> site.stop(site.port(1)));
    }

    @Test
    void aKilledMasterHandsTheAliasToThePromotedReplica() throws IOException {
        failOverAndFollow("kill", () -> site.kill(site.port(1)));
    }

    @Test
    void anOverrideNamesTheClusterAndFollowsATakeover() throws IOException {
        startNode("override");
        try {
            String master = site.key(1);
            Processes.Result set = node.client("-c", "api", "-P", "set-cluster-alias/" + master + "?alias=main");
            assertEquals(0, set.exitCode(), set.stderr());
            assertTrue(set.out().contains("\"Message\":\"Cluster " + master + " now has alias 'main'\""), set.out());
            assertEquals(master, node.client("-c", "which-cluster-master", "-alias", "main").out());
            assertEquals("", node.client("-c", "which-cluster-master", "-alias", "ci").out(),
                    "the override replaces the detected alias");
            Processes.Result unknown = node.client("-c", "api", "-P", "set-cluster-alias/nosuch:3306?alias=x");
            assertEquals(1, unknown.exitCode());
            assertTrue(unknown.stderr().contains("Unknown cluster name: nosuch:3306"), unknown.stderr());
            Processes.Result noAlias = node.client("-c", "api", "-P", "set-cluster-alias/" + master);
            assertEquals(1, noAlias.exitCode());
            assertTrue(noAlias.stderr().contains("?alias="), noAlias.stderr());
            Processes.Result reload = node.client("-c", "api", "-P", "reload-cluster-alias");
            assertTrue(reload.out().contains("\"Code\":\"OK\""), reload.out());

            String target = site.key(2);
            Processes.Result takeover = node.client("-c", "graceful-master-takeover-auto", "-alias", "main",
                    "-d", target);
            assertEquals(0, takeover.exitCode(), takeover.stderr());
            assertEquals(target, node.client("-c", "which-cluster-master", "-alias", "main").out(),
                    "right after the takeover, the override names the new master's cluster");
            assertEquals(target, node.client("-c", "which-cluster", "-alias", "main").out());
        } finally {
            stopNode("override");
        }
    }

    private void failOverAndFollow(String how, Runnable failure) throws IOException {
        startNode(how);
        try {
            String dead = site.key(1);
            failure.run();
            OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "a replica promoted after the master's " + how,
                    () -> promoted().isPresent());
            String successor = "127.0.0.1:" + promoted().orElseThrow();
            String uid = awaitRecoveryDone(successor);
            // the recovery's last server-side step is done: the alias must name the successor from now on
            Instant end = Instant.now().plus(WATCH);
            int polls = 0;
            do {
                assertEquals(successor, node.client("-c", "which-cluster-master", "-alias", "ci").out(),
                        "which-cluster-master -alias ci, poll " + polls + " after recovery " + uid);
                String members = node.get("/api/cluster/alias/ci").body();
                assertTrue(members.contains(hostPort(successor)) && !members.contains(hostPort(dead)), members);
                OrchestratorNode.Response kv = node.get("/api/kv/mysql/master/ci");
                assertEquals(200, kv.status(), kv.body());
                assertTrue(kv.body().contains("\"Value\":\"" + successor + "\""), kv.body());
                polls++;
            } while (Instant.now().isBefore(end));
            List<String> tabulated = node.client("-c", "topology-tabulated", "-alias", "ci").lines();
            assertEquals(3, tabulated.size(), String.join("\n", tabulated));
            assertTrue(tabulated.get(0).startsWith(successor), tabulated.get(0));
            replicas.stream().map(p -> "127.0.0.1:" + p).filter(k -> !k.equals(successor))
                    .forEach(k -> assertTrue(tabulated.stream().anyMatch(l -> l.contains(k)), k + " in " + tabulated));
            assertTrue(node.client("-c", "topology", "-alias", "ci").out().startsWith(successor));
            assertTrue(polls > 3, "watched " + WATCH + " in " + polls + " polls");
        } finally {
            stopNode(how);
        }
    }

    /** Waits for the recovery's KV step, its last one before the hooks; returns its UID. */
    private String awaitRecoveryDone(String successor) {
        String[] uid = new String[1];
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), "recovery to " + successor + " done", () -> {
            Matcher m = Pattern.compile("\"UID\":\"([^\"]+)\"").matcher(node.get("/api/audit-recovery").body());
            if (!m.find()) {
                return false;
            }
            uid[0] = m.group(1);
            String steps = node.get("/api/audit-recovery-steps/" + uid[0]).body();
            return steps.contains("cluster alias 'ci' now names cluster " + successor) && steps.contains("kv: ");
        });
        return uid[0];
    }

    private Optional<Integer> promoted() {
        return replicas.stream().filter(p -> site.sql(p, "SELECT @@read_only").equals("0"))
                .filter(m -> replicas.stream().filter(p -> !p.equals(m)).allMatch(p -> site.replicatesFrom(p, m)))
                .findFirst();
    }

    private void startNode(String scenario) throws IOException {
        site.recreate();
        String config = "{\n  \"ListenAddress\": \":" + PORT + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"MySQLReplicaUser\": \"repl\",\n  \"MySQLReplicaPassword\": \"repl\",\n"
                + "  \"DetectClusterAliasQuery\": \"SELECT 'ci'\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 2,\n"
                + "  \"RecoverMasterClusterFilters\": [\"*\"]\n}\n";
        node = OrchestratorNode.start(PORT, config);
        assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), scenario + ": the alias names the master of 4",
                () -> node.client("-c", "which-cluster-master", "-alias", "ci").out().equals(site.key(1))
                        && node.client("-c", "which-cluster-instances", "-alias", "ci").lines().size() == 4
                        && node.get("/health/ready").status() == 200);
    }

    private void stopNode(String scenario) throws IOException {
        node.close();
        Files.writeString(Path.of("target", "AliasFollowsMasterIT-" + scenario + "-node.log"), node.log());
    }

    private static String hostPort(String key) {
        return "{\"Hostname\":\"127.0.0.1\",\"Port\":" + key.substring(key.lastIndexOf(':') + 1) + "}";
    }
}
