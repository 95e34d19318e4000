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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A 3-node raft group from deploy/raft/up (real JVMs through bin/orchestrator-ee, real HAProxy, the real
 * sandbox), shared by scenarios that run in order: the steady state first, then faults of the leader.
 * Every fault scenario samples every node's leader-check throughout and fails on two leaders at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RaftGroupIT {

    private static final Duration NEW_LEADER = Duration.ofSeconds(12);
    private final Sandbox.Site site = Sandbox.site();
    private RaftGroup group;

    @BeforeAll
    void start() {
        site.recreate();
        group = new RaftGroup(3, 4510, 4620, 4519, Path.of("target", "raft-group-it"), site);
        group.close();
        group.up();
        // deploy/raft/up asked the leader to discover the sandbox; every node polls it on its own
        OrchestratorNode.awaitTrue(Duration.ofSeconds(60), "every node knows the sandbox's 4 instances",
                () -> group.nodes().stream().allMatch(n -> instances(n).size() == 4));
    }

    @AfterAll
    void stop() throws IOException {
        if (group != null) {
            Files.writeString(Path.of("target", "RaftGroupIT-nodes.log"), group.logs());
            group.close();
        }
        site.recreate();
    }

    private JsonArray localArray(int node, String path) {
        OrchestratorNode.Response r = group.get(group.port(node), path, true);
        if (r.status() != 200) {
            return JsonArray.EMPTY_JSON_ARRAY;
        }
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    private JsonObject json(OrchestratorNode.Response r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private List<Integer> instances(int node) {
        return localArray(node, "/api/all-instances").stream()
                .map(v -> v.asJsonObject().getJsonObject("Key").getInt("Port")).sorted().toList();
    }

    private int leader() {
        OrchestratorNode.awaitTrue(NEW_LEADER, "one leader", () -> group.leaders().size() == 1);
        return group.leaders().get(0);
    }

    private int follower(int leader, int index) {
        return group.nodes().stream().filter(n -> n != leader).toList().get(index);
    }

    /** Samples the nodes' leader-checks until {@code until} holds; fails at once on two leaders. */
    private List<Integer> sampleUntil(List<Integer> nodes, Duration timeout, String what,
                                      java.util.function.Predicate<List<Integer>> until) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Integer> leaders = nodes.stream().filter(n -> group.status(group.port(n), "/api/leader-check") == 200)
                    .toList();
            assertTrue(leaders.size() <= 1, "two leaders at once: " + leaders);
            if (until.test(leaders)) {
                return leaders;
            }
            OrchestratorNode.sleep(100);
        }
        throw new AssertionError("within " + timeout + ": " + what);
    }

    @Test
    @Order(1)
    void exactlyOneNodeLeadsAndHaproxyRoutesToIt() {
        int leader = leader();
        String advertise = group.raftAddress(leader);
        for (int n : group.nodes()) {
            assertEquals("\"" + advertise + "\"", group.get(group.port(n), "/api/raft-leader", true).body());
            JsonObject health = json(group.get(group.port(n), "/api/health", true)).getJsonObject("Details");
            assertEquals(n == leader, health.getBoolean("IsRaftLeader"), "node" + n + " IsRaftLeader");
            assertEquals("http://127.0.0.1:" + group.port(leader), health.getString("RaftLeaderURI"));
            assertEquals(3, health.getJsonArray("RaftHealthyMembers").size());
            assertEquals(200, group.status(group.port(n), "/api/raft-health"));
            assertEquals(n == leader ? 200 : 503, group.status(group.port(n), "/api/leader-check/503"));
        }
        // raft-* is answered by the node itself, so its RaftAdvertise names the node HAProxy chose
        OrchestratorNode.awaitTrue(Duration.ofSeconds(5), "HAProxy sends requests to the leader", () -> json(
                group.get(group.haproxyPort, "/api/raft-status", false)).getString("RaftAdvertise").equals(advertise));
        // routed-leader-check is forwarded by a follower to the leader
        assertEquals(200, group.get(group.port(follower(leader, 0)), "/api/routed-leader-check", false).status());
    }

    @Test
    @Order(2)
    void aDowntimeBegunThroughAFollowerShowsOnEveryNode() {
        int leader = leader();
        int replica = site.port(3);
        OrchestratorNode.Response begun = group.get(group.port(follower(leader, 0)),
                "/api/begin-downtime/127.0.0.1/" + replica + "/it/raft-scenario/10m", false);
        assertEquals(200, begun.status(), begun.body());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "every node's own API lists the downtime",
                () -> group.nodes().stream().allMatch(n -> localArray(n, "/api/downtimed").stream()
                        .anyMatch(v -> v.asJsonObject().getJsonObject("Key").getInt("Port") == replica)));
        assertEquals(200, group.get(group.port(follower(leader, 1)), "/api/end-downtime/127.0.0.1/" + replica,
                false).status());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "the downtime ended on every node",
                () -> group.nodes().stream().allMatch(n -> localArray(n, "/api/downtimed").isEmpty()));
    }

    @Test
    @Order(3)
    void aDiscoverThroughAnyNodeMakesEveryNodePollTheNewInstances() {
        // a second sandbox cluster, unknown to the group: ports base+21 (master) .. base+24
        Processes.ok(site.env(), "bin/sandbox", "up", "--clusters", "2");
        int master = site.portBase() + 21;
        List<Integer> cluster = List.of(master, master + 1, master + 2, master + 3);
        int leader = leader();
        OrchestratorNode.Response discovered = group.get(group.port(follower(leader, 1)),
                "/api/discover/127.0.0.1/" + master, false);
        assertEquals(200, discovered.status(), discovered.body());
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "every node knows the new cluster",
                () -> group.nodes().stream().allMatch(n -> instances(n).containsAll(cluster)));
        Map<Integer, String> firstSeen = new HashMap<>();
        group.nodes().forEach(n -> lastSeen(n, master + 3).ifPresent(t -> firstSeen.put(n, t)));
        assertEquals(3, firstSeen.size(), "every node probed " + (master + 3) + " itself");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(15), "every node keeps polling the new instances itself",
                () -> group.nodes().stream().allMatch(n -> lastSeen(n, master + 3)
                        .filter(t -> !t.equals(firstSeen.get(n))).isPresent()));
    }

    private java.util.Optional<String> lastSeen(int node, int port) {
        OrchestratorNode.Response r = group.get(group.port(node), "/api/instance/127.0.0.1/" + port, true);
        if (r.status() != 200) {
            return java.util.Optional.empty();
        }
        String seen = json(r).getString("LastSeenTimestamp", "");
        return seen.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(seen);
    }

    @Test
    @Order(4)
    void aFrozenLeaderIsReplacedAndStepsDownWhenItWakesUp() {
        int frozen = leader();
        List<Integer> others = group.nodes().stream().filter(n -> n != frozen).toList();
        group.signal(frozen, "STOP");
        Instant stopped = Instant.now();
        try {
            sampleUntil(others, NEW_LEADER, "another node leads while the leader is frozen", l -> l.size() == 1);
        } finally {
            group.signal(frozen, "CONT");
        }
        long millis = Duration.between(stopped, Instant.now()).toMillis();
        System.out.println("RaftGroupIT: frozen leader replaced after " + millis + " ms");
        int successor = sampleUntil(group.nodes(), Duration.ofSeconds(15), "the woken node steps down",
                l -> l.size() == 1 && l.get(0) != frozen && group.status(group.port(frozen), "/api/raft-state") == 200
                        && group.get(group.port(frozen), "/api/raft-state", true).body().equals("\"Follower\"")).get(0);
        // the window after the wake-up: the old leader must lead nothing and change nothing
        watch(Duration.ofSeconds(5), "successor stays the only leader", l -> l.equals(List.of(successor)));
        assertTrue(writable(site.port(1)), "the master is untouched");
        for (int n : group.nodes()) {
            assertEquals(0, localArray(n, "/api/audit-recovery").size(), "node" + n + " recorded no recovery");
        }
    }

    /** Samples every node's leader-check for the whole window; each sample must satisfy the check. */
    private void watch(Duration window, String what, java.util.function.Predicate<List<Integer>> check) {
        Instant end = Instant.now().plus(window);
        int samples = 0;
        while (Instant.now().isBefore(end)) {
            List<Integer> leaders = group.leaders();
            assertTrue(check.test(leaders), what + ": leaders were " + leaders + " after " + samples + " samples");
            samples++;
            OrchestratorNode.sleep(100);
        }
        assertTrue(samples >= 5, "too few samples (" + samples + ") in " + window);
    }

    private boolean writable(int port) {
        try {
            return site.sql(port, "SELECT @@read_only").equals("0");
        } catch (AssertionError e) {
            return false;
        }
    }

    /** The recoveries of the first sandbox cluster this node holds. */
    private List<JsonObject> recoveries(int node) {
        return localArray(node, "/api/audit-recovery").stream().map(v -> v.asJsonObject())
                .filter(r -> r.toString().contains(site.key(1))).toList();
    }

    @Test
    @Order(5)
    void aMasterDyingWhileTheLeaderIsKilledIsFailedOverOnce() {
        int killed = leader();
        List<Integer> survivors = group.nodes().stream().filter(n -> n != killed).toList();
        List<Integer> replicas = List.of(site.port(2), site.port(3), site.port(4));
        group.signal(killed, "KILL");
        site.kill(site.port(1));
        Instant at = Instant.now();
        int successor = sampleUntil(survivors, NEW_LEADER, "a new leader after kill -9", l -> l.size() == 1).get(0);
        System.out.println("RaftGroupIT: killed leader replaced after " + Duration.between(at, Instant.now()).toMillis()
                + " ms");
        String advertise = group.raftAddress(successor);
        OrchestratorNode.awaitTrue(Duration.ofSeconds(10), "HAProxy follows the new leader", () -> {
            OrchestratorNode.Response r = group.get(group.haproxyPort, "/api/raft-status", false);
            return r.status() == 200 && json(r).getString("RaftAdvertise").equals(advertise);
        });
        OrchestratorNode.awaitTrue(Duration.ofSeconds(90), "one successful recovery recorded on every live node",
                () -> survivors.stream().allMatch(n -> recoveries(n).size() == 1
                        && recoveries(n).get(0).getBoolean("IsSuccessful")));
        List<Integer> promoted = replicas.stream().filter(this::writable).toList();
        assertEquals(1, promoted.size(), "exactly one replica promoted on the servers: " + promoted);
        String uid = recoveries(successor).get(0).getString("UID");
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "the other replicas replicate from the promoted one",
                () -> replicas.stream().filter(p -> !p.equals(promoted.get(0)))
                        .allMatch(p -> site.replicatesFrom(p, promoted.get(0))));
        watch(Duration.ofSeconds(5), "still one leader", l -> l.equals(List.of(successor)));
        for (int n : survivors) {
            assertEquals(List.of(uid), recoveries(n).stream().map(r -> r.getString("UID")).toList(),
                    "node" + n + " holds the one recovery");
        }
        assertEquals(promoted, replicas.stream().filter(this::writable).toList(), "no second promotion");

        // the killed node comes back, catches up from the group and leads nothing
        group.up();
        OrchestratorNode.awaitTrue(Duration.ofSeconds(60), "the restarted node holds the recovery",
                () -> recoveries(killed).stream().map(r -> r.getString("UID")).toList().equals(List.of(uid)));
        assertEquals(1, group.leaders().size());
    }
}
