package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestratoree.topology.InstanceKey;

class HookRunnerTest {

    private static final HookContext CONTEXT = new HookContext("DeadMaster", "master is dead", "recover",
            InstanceKey.parse("127.0.0.1:10111"), true, false, "127.0.0.1:10111", "sandbox", 3,
            List.of(InstanceKey.parse("127.0.0.1:10112"), InstanceKey.parse("127.0.0.1:10113")), false, "node1",
            "uid-1", null, List.of(), false);

    private final HookRunner runner = new HookRunner("bash", Duration.ofSeconds(5));

    @Test
    void placeholdersAndEnvironmentReachTheHook(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hook.out");
        HookContext done = CONTEXT.withOutcome(InstanceKey.parse("127.0.0.1:10112"),
                List.of(InstanceKey.parse("127.0.0.1:10114")), true);
        List<HookRunner.HookResult> results = runner.run(List.of(
                "echo '{failureType} {failedHost}:{failedPort} {failureClusterAlias} {successorHost}:{successorPort} "
                        + "{isSuccessful} {lostReplicas} {countReplicas}' > " + out,
                "echo \"$ORC_FAILURE_TYPE $ORC_FAILED_PORT $ORC_SUCCESSOR_PORT $ORC_REPLICA_HOSTS\" >> " + out),
                done, false);
        assertTrue(results.stream().allMatch(HookRunner.HookResult::succeeded), results.toString());
        assertEquals(List.of(
                "DeadMaster 127.0.0.1:10111 sandbox 127.0.0.1:10112 true 127.0.0.1:10114 3",
                "DeadMaster 10111 10112 127.0.0.1:10112,127.0.0.1:10113"), Files.readAllLines(out));
    }

    @Test
    void aFailingHookStopsTheRunWhenAskedAndReportsItsExitCodeAndOutput() {
        List<HookRunner.HookResult> results = runner.run(List.of("echo refusing; exit 3", "echo never"),
                CONTEXT, true);
        assertEquals(1, results.size());
        assertFalse(results.get(0).succeeded());
        assertEquals(3, results.get(0).exitCode());
        assertTrue(results.get(0).describe().contains("exit 3: refusing"), results.get(0).describe());
    }

    @Test
    void aHookThatHangsIsCutOffAtItsTimeout() {
        HookRunner quick = new HookRunner("bash", Duration.ofMillis(300));
        long start = System.nanoTime();
        HookRunner.HookResult result = quick.run(List.of("sleep 10"), CONTEXT, true).get(0);
        assertFalse(result.succeeded());
        assertTrue(result.output().contains("timed out"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3000);
    }

    @Test
    void aBackgroundHookIsNotWaitedFor() {
        long start = System.nanoTime();
        HookRunner.HookResult result = runner.run(List.of("sleep 3 &"), CONTEXT, true).get(0);
        assertTrue(result.succeeded() && result.background());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1500);
    }
}
