package org.orchestratoree.ha;

/** A change was requested from a node that is not the leader. */
public class NotLeaderException extends RuntimeException {
    public NotLeaderException(String message) {
        super(message);
    }
}
