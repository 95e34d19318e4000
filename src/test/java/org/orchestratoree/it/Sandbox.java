package org.orchestratoree.it;

import java.util.HashMap;
import java.util.Map;

/** The project's MariaDB sandbox (bin/sandbox): master 10111, replicas 10112-10114, user ci/ci. */
final class Sandbox {

    static final String MASTER = "127.0.0.1:10111";
    static final int BACKEND_PORT = 10100;

    private Sandbox() {
    }

    static void up() {
        Processes.ok("bin/sandbox", "up");
    }

    /** A fresh sandbox: after a failover test, master 10111 with three replicas again. */
    static void recreate() {
        Processes.ok("bin/sandbox", "down");
        Processes.ok("bin/sandbox", "up");
    }

    static void stop(int port) {
        Processes.ok("bin/sandbox", "stop", String.valueOf(port));
    }

    static void start(int port) {
        Processes.ok("bin/sandbox", "start", String.valueOf(port));
    }

    /** {@code kill -9} of one instance: a crash, not a shutdown. */
    static void kill(int port) {
        Processes.ok("bin/sandbox", "kill", String.valueOf(port));
    }

    static void backendUp() {
        Processes.ok("bin/sandbox", "backend", "up");
    }

    static String sql(int port, String sql) {
        return Processes.ok("bin/sandbox", "sql", String.valueOf(port), sql).out();
    }

    /**
     * The sandbox named by the system properties {@code sandbox.portBase} (default 10100) and
     * {@code sandbox.dir} (default: bin/sandbox's own), so a test can run beside another sandbox.
     */
    static Site site() {
        int base = Integer.getInteger("sandbox.portBase", 10100);
        String dir = System.getProperty("sandbox.dir", "");
        Map<String, String> env = new HashMap<>();
        env.put("SANDBOX_PORT_BASE", String.valueOf(base));
        if (!dir.isBlank()) {
            env.put("SANDBOX_DIR", dir);
        }
        return new Site(base, Map.copyOf(env));
    }

    /** One sandbox: its first cluster's master is {@code port(1)}, replicas {@code port(2)}..{@code port(4)}. */
    record Site(int portBase, Map<String, String> env) {

        int port(int member) {
            return portBase + 10 + member;
        }

        String key(int member) {
            return "127.0.0.1:" + port(member);
        }

        void up() {
            Processes.ok(env, "bin/sandbox", "up");
        }

        /** A fresh topology: master {@code port(1)} with three replicas, as a test found it. */
        void recreate() {
            Processes.ok(env, "bin/sandbox", "down");
            Processes.ok(env, "bin/sandbox", "up");
        }

        /** A fresh standalone MariaDB backend on {@code portBase} (database orchestrator, user orc/orc). */
        void freshBackend() {
            Processes.ok(env, "bin/sandbox", "backend", "down");
            Processes.ok(env, "bin/sandbox", "backend", "up");
        }

        void backendDown() {
            Processes.ok(env, "bin/sandbox", "backend", "down");
        }

        void stop(int port) {
            Processes.ok(env, "bin/sandbox", "stop", String.valueOf(port));
        }

        /** {@code kill -9} of one instance: a crash, not a shutdown. */
        void kill(int port) {
            Processes.ok(env, "bin/sandbox", "kill", String.valueOf(port));
        }

        /** Whether the server itself (SHOW SLAVE STATUS, via bin/sandbox status) replicates from that master. */
        boolean replicatesFrom(int port, int master) {
            String status = Processes.run(env, 30, "bin/sandbox", "status").stdout();
            return status.lines().anyMatch(l -> l.startsWith(port + " ") && l.contains("replica of " + master + " ")
                    && l.contains("IO=Yes SQL=Yes"));
        }

        void start(int port) {
            Processes.ok(env, "bin/sandbox", "start", String.valueOf(port));
        }

        String sql(int port, String sql) {
            return Processes.ok(env, "bin/sandbox", "sql", String.valueOf(port), sql).out();
        }

        /** {@code bin/sandbox status}: one line per instance, read on the servers themselves. */
        String status() {
            return Processes.ok(env, "bin/sandbox", "status").out();
        }
    }
}
