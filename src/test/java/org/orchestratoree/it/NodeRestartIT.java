package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node restarted on the same port with the same Payara Micro root directory deploys the WAR it was started
 * with, once, and from its first 200 on answers every request: a load balancer with {@code rise 1} or a
 * client that discovers right after the first 200 must never see it go away again.
 */
class NodeRestartIT {

    private static final int PORT = 4110;
    private static final int STARTS = 5;
    private static final Duration WATCH = Duration.ofSeconds(10);
    private static final List<String> HEALTH = List.of("/api/lb-check", "/api/health", "/health/ready");
    private static final List<String> WATCHED = List.of("/api/lb-check", "/api/clusters", "/api/health",
            "/health/ready");
    /** Payara loads an application it finds in its root directory's domain.xml ... */
    private static final String LOADED_FROM_ROOT_DIR = "Loading application orchestrator-ee done in";
    /** ... and deploys the one named by --deploy; both count. */
    private static final String DEPLOYED = "orchestrator-ee was successfully deployed";
    /** Logged once every deployment is done. */
    private static final String SERVER_READY = "ready in";
    private static final String NODE_UP = "orchestrator-ee node is up";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Start(int number, long failures, String firstFailure, long deployments, long nodeUps) {
        boolean clean() {
            return failures == 0 && deployments == 1 && nodeUps == 1;
        }

        @Override
        public String toString() {
            return "start " + number + ": " + failures + " non-200 answers" + (firstFailure.isEmpty() ? ""
                    : " (first: " + firstFailure + ")") + ", WAR deployed " + deployments
                    + "x, node up " + nodeUps + "x";
        }
    }

    @Test
    void aRestartedNodeDeploysOnceAndKeepsAnsweringFromItsFirst200() throws Exception {
        Path dir = Files.createTempDirectory("orchestrator-ee-restart-");
        Path config = dir.resolve("orchestrator.conf.json");
        Files.writeString(config, "{\"ListenAddress\": \":" + PORT + "\", \"SQLite3DataFile\": \""
                + dir.resolve("orchestrator.sqlite3") + "\"}\n");
        Path rundir = dir.resolve("payara");
        List<Start> starts = new ArrayList<>();
        for (int n = 1; n <= STARTS; n++) {
            starts.add(startAndWatch(n, config, rundir, dir.resolve("node-" + n + ".log")));
        }
        String summary = String.join("\n", starts.stream().map(Start::toString).toList());
        System.out.println("NodeRestartIT, same root directory " + rundir + ":\n" + summary);
        assertTrue(starts.stream().allMatch(Start::clean),
                "every start deploys once and answers 200 from its first 200 on:\n" + summary);
    }

    private Start startAndWatch(int number, Path config, Path rundir, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bin/orchestrator-ee", "--config", config.toString())
                .directory(Processes.BASEDIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ORCHESTRATOR_EE_RUNDIR", rundir.toString());
        Process node = builder.start();
        try {
            awaitFirstHealthy(node, log);
            long failures = 0;
            String firstFailure = "";
            Instant end = Instant.now().plus(WATCH);
            while (Instant.now().isBefore(end)) {
                for (String path : WATCHED) {
                    int status = status(path);
                    if (status != 200) {
                        failures++;
                        if (firstFailure.isEmpty()) {
                            firstFailure = path + " answered " + (status < 0 ? "no connection" : status);
                        }
                    }
                }
                OrchestratorNode.sleep(50);
            }
            // a second deployment may still be under way after the window: count once the server says it is done
            OrchestratorNode.awaitTrue(Duration.ofSeconds(90), "Payara Micro logs that it is ready (start " + number
                    + ")", () -> read(log).lines().anyMatch(l -> l.contains("Payara Micro") && l.contains(SERVER_READY)));
            String text = read(log);
            return new Start(number, failures, firstFailure,
                    count(text, LOADED_FROM_ROOT_DIR) + count(text, DEPLOYED), count(text, NODE_UP));
        } finally {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits, polling every 50 ms, for the first 200 of any health check the node offers. */
    private void awaitFirstHealthy(Process node, Path log) throws IOException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new AssertionError("node exited with " + node.exitValue() + ":\n" + Files.readString(log));
            }
            for (String path : HEALTH) {
                if (status(path) == 200) {
                    return;
                }
            }
            OrchestratorNode.sleep(50);
        }
        throw new AssertionError("no health check answered 200 within 120 s:\n" + Files.readString(log));
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static long count(String text, String line) {
        return text.lines().filter(l -> l.contains(line)).count();
    }
}
