package org.orchestratoree.topology;

/** A host or port that cannot name a server. */
public class InvalidInstanceKeyException extends IllegalArgumentException {
    public InvalidInstanceKeyException(String message) {
        super(message);
    }
}
