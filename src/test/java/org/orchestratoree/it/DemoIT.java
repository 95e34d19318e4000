package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's run command: {@code bin/orchestrator-ee demo} brings up the sandbox and a node, then stops both. */
class DemoIT {

    private static final int PORT = 3904;

    @Test
    void demoShowsTheSandboxTopologyAndStopsEverythingItStarted() throws Exception {
        Path out = Files.createTempFile("demo", ".out");
        ProcessBuilder builder = new ProcessBuilder("bin/orchestrator-ee", "demo")
                .directory(Processes.BASEDIR.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("DEMO_PORT", String.valueOf(PORT));
        Process demo = builder.start();
        try {
            OrchestratorNode.awaitTrue(Duration.ofSeconds(150), "the demo is ready",
                    () -> read(out).contains("Press Ctrl-C"));
            String text = read(out);
            assertTrue(text.contains("http://127.0.0.1:" + PORT + "/api/clusters-info"), text);
            assertTrue(text.contains("+ 127.0.0.1:10112|0s|ok|"), text);
            assertTrue(text.contains("+ 127.0.0.1:10114|0s|ok|"), text);

            demo.destroy(); // SIGTERM; Ctrl-C sends SIGINT: the demo traps both
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "demo did not stop:\n" + read(out));
            assertTrue(read(out).contains("stopping the node and the sandbox"), read(out));
        } finally {
            demo.destroyForcibly();
        }
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "the node stops answering once the demo stopped",
                () -> Processes.run(java.util.Map.of(), 30, "curl", "-s", "-o", "/dev/null",
                        "http://127.0.0.1:" + PORT + "/api/lb-check").exitCode() == 7);
        String sandbox = Processes.run(java.util.Map.of(), 30, "bin/sandbox", "status").stdout();
        assertTrue(sandbox.lines().noneMatch(l -> l.contains("running") && !l.contains("backend")),
                "the sandbox topology still runs after the demo stopped:\n" + sandbox);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
