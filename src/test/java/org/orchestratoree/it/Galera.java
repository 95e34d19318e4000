package org.orchestratoree.it;

import java.util.Map;

/**
 * The 3-node Galera cluster of bin/galera (the script deploy/galera/up uses), on ports from
 * {@code -Dgalera.portBase} (default 12300: SQL ports 12301..12303) in {@code -Dgalera.dir}.
 */
final class Galera {

    private final Map<String, String> env;
    private final int portBase;

    Galera() {
        portBase = Integer.getInteger("galera.portBase", 12300);
        String dir = System.getProperty("galera.dir", "");
        if (dir.isBlank()) {
            String sandbox = System.getProperty("sandbox.dir", "");
            dir = sandbox.isBlank() ? "/tmp/orchestrator-ee-galera" : sandbox + "-galera";
        }
        env = Map.of("GALERA_DIR", dir, "GALERA_PORT_BASE", String.valueOf(portBase));
    }

    int port(int node) {
        return portBase + node;
    }

    void up() {
        Processes.ok(env, "bin/galera", "up");
    }

    void down() {
        Processes.run(env, 120, "bin/galera", "down");
    }

    /** {@code kill -9} of one Galera node. */
    void kill(int node) {
        Processes.ok(env, "bin/galera", "kill", String.valueOf(node));
    }

    /** Starts a node again; it rejoins (bootstrapping a Primary component on a survivor when quorum was lost). */
    void start(int node) {
        Processes.ok(env, "bin/galera", "start", String.valueOf(node));
    }

    String status() {
        return Processes.ok(env, "bin/galera", "status").out();
    }
}
