package org.orchestratoree.discovery;

/** A cluster hint or alias that names no known cluster. */
public class UnknownClusterException extends RuntimeException {
    public UnknownClusterException(String message) {
        super(message);
    }
}
