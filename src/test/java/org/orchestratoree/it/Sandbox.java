package org.orchestratoree.it;

/** The project's MariaDB sandbox (bin/sandbox): master 10111, replicas 10112-10114, user ci/ci. */
final class Sandbox {

    static final String MASTER = "127.0.0.1:10111";
    static final int BACKEND_PORT = 10100;

    private Sandbox() {
    }

    static void up() {
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
}
