package org.orchestratoree.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the process when the node cannot work: a broken configuration, a backend that stays unreachable.
 * The exit runs on its own thread so that the deployment thread calling it is not the one the server's
 * shutdown hooks wait for.
 */
public final class FatalShutdown {

    private static final Logger LOG = Logger.getLogger(FatalShutdown.class.getName());

    private FatalShutdown() {
    }

    public static void exit(String message) {
        LOG.log(Level.SEVERE, "FATAL: {0}", message);
        System.err.println("orchestrator-ee: FATAL: " + message);
        System.err.flush();
        Thread exit = new Thread(() -> System.exit(1), "fatal-exit");
        exit.setDaemon(false);
        exit.start();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "fatal-halt");
        halt.setDaemon(true);
        halt.start();
    }
}
