package org.orchestratoree.discovery.probe;

import org.orchestratoree.topology.InstanceKey;

/**
 * A probe that produced no snapshot. {@link #connectFailure()} tells "the server could not be reached"
 * (the input to dead-master analysis) from "the server answered but a core query failed".
 */
public class ProbeException extends Exception {

    private final transient InstanceKey key;
    private final boolean connectFailure;

    public ProbeException(InstanceKey key, String message, Throwable cause, boolean connectFailure) {
        super(key + ": " + message, cause);
        this.key = key;
        this.connectFailure = connectFailure;
    }

    public static ProbeException couldNotConnect(InstanceKey key, Throwable cause) {
        return new ProbeException(key, "Could not connect: " + describe(cause), cause, true);
    }

    public static ProbeException queryFailed(InstanceKey key, Throwable cause) {
        return new ProbeException(key, "Probe query failed: " + describe(cause), cause, false);
    }

    public InstanceKey key() {
        return key;
    }

    public boolean connectFailure() {
        return connectFailure;
    }

    private static String describe(Throwable cause) {
        // connector exceptions often nest the useful text (e.g. "Connection refused") one level down
        String message = cause.getMessage();
        Throwable root = cause.getCause();
        if (root != null && root.getMessage() != null && (message == null || !message.contains(root.getMessage()))) {
            message = (message == null ? "" : message + ": ") + root.getMessage();
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
