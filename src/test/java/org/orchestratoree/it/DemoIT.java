package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's run command: {@code bin/orchestrator-ee demo} brings up the sandbox and a node, then stops both. */
class DemoIT {

    private static final int PORT = 3904;

    @Test
    void demoShowsTheSandboxTopologyAndStopsEverythingItStarted() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bin/orchestrator-ee", "demo")
                .directory(Processes.BASEDIR.toFile()).redirectErrorStream(true);
        builder.environment().put("DEMO_PORT", String.valueOf(PORT));
        Process demo = builder.start();
        StringBuilder output = new StringBuilder();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (Instant.now().isBefore(deadline) && (line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            String text = output.toString();
            assertTrue(text.contains("http://127.0.0.1:" + PORT + "/api/clusters-info"), text);
            assertTrue(text.contains("+ 127.0.0.1:10112|0s|ok|"), text);
            assertTrue(text.contains("+ 127.0.0.1:10114|0s|ok|"), text);

            demo.destroy(); // SIGTERM, as Ctrl-C would send SIGINT: the demo traps both
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "demo did not stop:\n" + text);
        } finally {
            demo.destroyForcibly();
        }
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "the node stops answering once the demo stopped",
                () -> Processes.run(java.util.Map.of(), 30, "curl", "-s", "-o", "/dev/null",
                        "http://127.0.0.1:" + PORT + "/api/lb-check").exitCode() == 7);
        String sandbox = Processes.run(java.util.Map.of(), 30, "bin/sandbox", "status").stdout();
        assertTrue(!sandbox.contains("running"), "the sandbox still runs after the demo stopped:\n" + sandbox);
    }
}
