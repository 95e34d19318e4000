package org.orchestratoree.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's scripts (bin/sandbox, bin/orchestrator-client) as a user would. */
final class Processes {

    static final Path BASEDIR = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();

    record Result(int exitCode, String stdout, String stderr) {
        String out() {
            return stdout.strip();
        }

        List<String> lines() {
            return out().isEmpty() ? List.of() : List.of(out().split("\n"));
        }
    }

    private Processes() {
    }

    static Result run(Map<String, String> env, long timeoutSeconds, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(BASEDIR.toFile());
        builder.environment().putAll(env);
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            var out = p.getInputStream();
            var err = p.getErrorStream();
            StringBuilder stdout = new StringBuilder();
            StringBuilder stderr = new StringBuilder();
            Thread o = drain(out, stdout);
            Thread e = drain(err, stderr);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + "s: " + String.join(" ", command));
            }
            o.join();
            e.join();
            return new Result(p.exitValue(), stdout.toString(), stderr.toString());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Thread drain(java.io.InputStream in, StringBuilder sink) {
        Thread t = new Thread(() -> {
            try {
                sink.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    /** Runs and insists on exit code 0. */
    static Result ok(String... command) {
        return ok(Map.of(), command);
    }

    /** Runs with extra environment variables and insists on exit code 0. */
    static Result ok(Map<String, String> env, String... command) {
        Result r = run(env, 300, command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.stderr()
                    + r.stdout());
        }
        return r;
    }
}
