package org.orchestratoree.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A raft group as users run it: {@code deploy/raft/up} (nodes through bin/orchestrator-ee, HAProxy with the
 * seed's block), on ports of its own. Reads can be asked of a node itself (not forwarded to the leader) with
 * the header a forwarding follower sets.
 */
final class RaftGroup implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final int size;
    final int httpBase;
    final int raftBase;
    final int haproxyPort;
    final Path dir;
    private final Map<String, String> env;

    RaftGroup(int size, int httpBase, int raftBase, int haproxyPort, Path dir, Sandbox.Site site) {
        this.size = size;
        this.httpBase = httpBase;
        this.raftBase = raftBase;
        this.haproxyPort = haproxyPort;
        this.dir = dir.toAbsolutePath();
        Map<String, String> e = new HashMap<>(site.env());
        e.put("RAFT_DEPLOY_DIR", this.dir.toString());
        e.put("RAFT_HTTP_BASE", String.valueOf(httpBase));
        e.put("RAFT_PORT_BASE", String.valueOf(raftBase));
        e.put("RAFT_HAPROXY_PORT", String.valueOf(haproxyPort));
        this.env = Map.copyOf(e);
    }

    /** deploy/raft/up: starts what is not running (again, after a kill) and waits for a leader. */
    Processes.Result up() {
        Processes.Result r = Processes.run(env, 900, "deploy/raft/up", "--nodes", String.valueOf(size));
        if (r.exitCode() != 0) {
            throw new AssertionError("deploy/raft/up failed: " + r.stderr() + "\n" + logs());
        }
        return r;
    }

    List<Integer> nodes() {
        return IntStream.rangeClosed(1, size).boxed().toList();
    }

    int port(int node) {
        return httpBase + node;
    }

    String raftAddress(int node) {
        return "127.0.0.1:" + (raftBase + node);
    }

    long pid(int node) {
        try {
            return Long.parseLong(Files.readString(dir.resolve("node" + node).resolve("pid")).trim());
        } catch (IOException e) {
            throw new AssertionError("no pid for node" + node, e);
        }
    }

    void signal(int node, String signal) {
        Processes.ok("kill", "-" + signal, String.valueOf(pid(node)));
    }

    /** The status of GET path on one node, answered by that node itself; -1 when it does not answer. */
    int status(int port, String path) {
        return get(port, path, true).status();
    }

    OrchestratorNode.Response get(int port, String path, boolean local) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(local ? 2 : 30)).GET();
            if (local) {
                request.header("X-Orchestrator-Forwarded-By", "test");
            }
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new OrchestratorNode.Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new OrchestratorNode.Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OrchestratorNode.Response(-1, "interrupted");
        }
    }

    /** The nodes answering leader-check with 200 right now. */
    List<Integer> leaders() {
        return nodes().stream().filter(n -> status(port(n), "/api/leader-check") == 200).toList();
    }

    String logs() {
        StringBuilder all = new StringBuilder();
        for (int n : nodes()) {
            Path log = dir.resolve("node" + n).resolve("node.log");
            try {
                if (Files.exists(log)) {
                    String text = Files.readString(log);
                    all.append("--- node").append(n).append(": its raft events\n");
                    text.lines().filter(l -> l.contains("raft: ")).forEach(l -> all.append(l).append('\n'));
                    all.append("--- node").append(n).append(" (last 4000 chars)\n")
                            .append(text.substring(Math.max(0, text.length() - 4000)));
                }
            } catch (IOException e) {
                all.append("node").append(n).append(": ").append(e);
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        Processes.run(env, 120, "deploy/raft/down", "--purge");
    }
}
