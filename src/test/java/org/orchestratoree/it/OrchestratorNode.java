package org.orchestratoree.it;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One node started the way users start it: {@code bin/orchestrator-ee --config FILE}, the WAR on a real
 * Payara Micro, answering at the server root.
 */
final class OrchestratorNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Path dir;
    private final Process process;

    private OrchestratorNode(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    record Response(int status, String body) {
    }

    /** Stands for the node's own temporary directory in a configuration text. */
    static final String NODE_DIR = "@NODE_DIR@";

    /** Starts a node with the given configuration JSON and waits until its API answers. */
    static OrchestratorNode start(int port, String configJson) throws IOException {
        return start(port, configJson, List.of());
    }

    /**
     * Starts a node through a command that execs the launcher (for example {@code setpriv --regid=G
     * --clear-groups}), so the JVM keeps the process id the test holds.
     */
    static OrchestratorNode start(int port, String configJson, List<String> wrapper) throws IOException {
        return start(port, configJson, wrapper, Duration.ofSeconds(180));
    }

    /** Starts a node and waits up to {@code timeout} for its API (several JVMs starting at once take longer). */
    static OrchestratorNode start(int port, String configJson, List<String> wrapper, Duration timeout)
            throws IOException {
        assertPortFree(port);
        Path dir = Files.createTempDirectory("orchestrator-ee-it-" + port + "-");
        Path config = dir.resolve("orchestrator.conf.json");
        Files.writeString(config, configJson.replace(NODE_DIR, dir.toString()));
        Process process = launch(config, dir, wrapper);
        OrchestratorNode node = new OrchestratorNode(port, dir, process);
        // a bound, not a wait: on a loaded machine Payara Micro alone may take over a minute to start
        try {
            node.awaitApi(timeout);
        } catch (AssertionError | IOException | RuntimeException e) {
            node.close(); // a node that is late must not stay behind, holding its port for the next test
            throw e;
        }
        return node;
    }

    /**
     * The launcher refuses a port in use, but its refusal could lose the race against the first look at the
     * port, which would then find whichever node holds it: a test must talk to its own node.
     */
    private static void assertPortFree(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException e) {
            return;
        }
        throw new AssertionError("port " + port + " is already in use: another node runs there");
    }

    static Process launch(Path config, Path dir) throws IOException {
        return launch(config, dir, List.of());
    }

    static Process launch(Path config, Path dir, List<String> wrapper) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of("bin/orchestrator-ee", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Processes.BASEDIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().put("ORCHESTRATOR_EE_RUNDIR", dir.resolve("payara").toString());
        return builder.start();
    }

    /** A sandbox-watching configuration with the given extra JSON members. */
    static String config(int port, String backendJson, int pollSeconds) {
        return "{\n  \"ListenAddress\": \":" + port + "\",\n" + backendJson
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n"
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": " + pollSeconds + ",\n"
                + "  \"RecoveryPeriodBlockSeconds\": 60\n}\n";
    }

    /** Waits for the first 200 of lb-check: from then on the node serves every route. */
    private void awaitApi(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("node exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/api/lb-check").status() == 200 && process.isAlive()) {
                    return;
                }
            } catch (AssertionError e) {
                // not listening yet
            }
            sleep(200);
        }
        throw new AssertionError("node did not answer within " + timeout + ":\n" + log());
    }

    String log() throws IOException {
        Path log = dir.resolve("node.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    Response get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String api() {
        return "http://127.0.0.1:" + port + "/api";
    }

    /** Runs bin/orchestrator-client against this node. */
    Processes.Result client(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "bin/orchestrator-client";
        System.arraycopy(args, 0, command, 1, args.length);
        return Processes.run(Map.of("ORCHESTRATOR_API", api(), "ORCHESTRATOR_CLIENT_RETRY_DELAYS", ""), 60, command);
    }

    /** Discovers the sandbox topology through its master with the client, and waits until its 4 instances are known. */
    void discoverSandbox(String master, Duration within) {
        Processes.Result discover = client("-c", "discover", "-i", master);
        if (discover.exitCode() != 0) {
            throw new AssertionError("discover " + master + " failed: " + discover.stderr());
        }
        awaitTrue(within, "all four sandbox instances known",
                () -> client("-c", "which-cluster-instances", "-i", master).out().lines().count() == 4);
    }

    static void awaitTrue(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("within " + timeout.toMillis() + " ms: " + what);
    }

    /**
     * A "nothing happened" check: the condition must hold at every look during the whole window. Fails at the
     * first look where it does not, saying what was watched and for how long it held.
     */
    static void holdsFor(Duration window, String what, BooleanSupplier condition) {
        Instant start = Instant.now();
        Instant end = start.plus(window);
        int looks = 0;
        do {
            looks++;
            if (!condition.getAsBoolean()) {
                throw new AssertionError("did not hold for " + window.toMillis() + " ms (broke after "
                        + Duration.between(start, Instant.now()).toMillis() + " ms, look " + looks + "): " + what);
            }
            sleep(200);
        } while (Instant.now().isBefore(end));
        System.out.println("held for " + window.toMillis() + " ms (" + looks + " looks): " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9} of the node's JVM (the launcher execs it, so this is the process the test started). */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node still running after " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static OrchestratorNode wrap(int port, Path dir, Process process) {
        return new OrchestratorNode(port, dir, process);
    }
}
