package org.orchestratoree.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs orchestrator's hook processes ({@code PreFailoverProcesses}, ...) through a shell, with placeholders
 * expanded and ORC_* variables set. Each hook has a timeout; its exit code and output become recovery steps.
 * A hook ending in {@code &} runs in the background and is not waited for, as in orchestrator.
 */
public final class HookRunner {

    /** What one hook did. {@code exitCode} is -1 for a hook that timed out or could not start. */
    public record HookResult(String command, int exitCode, String output, boolean background) {
        public boolean succeeded() {
            return background || exitCode == 0;
        }

        public String describe() {
            String outcome = background ? "started in background" : exitCode == -1 ? "failed" : "exit " + exitCode;
            return "hook '" + command + "': " + outcome + (output.isBlank() ? "" : ": " + output.strip());
        }
    }

    private final String shell;
    private final Duration timeout;

    public HookRunner(String shell, Duration timeout) {
        this.shell = shell;
        this.timeout = timeout;
    }

    /**
     * Runs the hooks in order. With {@code stopOnFailure} (PreFailoverProcesses) the first failing hook ends the
     * run; the caller then aborts the recovery.
     */
    public List<HookResult> run(List<String> hooks, HookContext context, boolean stopOnFailure) {
        List<HookResult> results = new ArrayList<>();
        for (String hook : hooks) {
            HookResult result = runOne(context.expand(hook), context);
            results.add(result);
            if (stopOnFailure && !result.succeeded()) {
                break;
            }
        }
        return results;
    }

    private HookResult runOne(String command, HookContext context) {
        String trimmed = command.strip();
        boolean background = trimmed.endsWith("&");
        ProcessBuilder builder = new ProcessBuilder(shell, "-c", trimmed).redirectErrorStream(true);
        builder.environment().putAll(context.environment());
        Path log = null;
        try {
            // output goes to a file: a chatty hook must not block on a full pipe while we wait for it
            log = Files.createTempFile("orchestrator-hook", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (background) {
                return new HookResult(command, 0, "", true);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new HookResult(command, -1, "timed out after " + timeout.toSeconds() + "s", false);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new HookResult(command, process.exitValue(), truncate(output), false);
        } catch (IOException e) {
            return new HookResult(command, -1, "cannot start: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HookResult(command, -1, "interrupted", false);
        } finally {
            if (log != null && !background) {
                log.toFile().delete();
            }
        }
    }

    private static String truncate(String output) {
        return output.length() > 4000 ? output.substring(0, 4000) + "..." : output;
    }
}
