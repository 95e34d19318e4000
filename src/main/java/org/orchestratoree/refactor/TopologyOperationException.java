package org.orchestratoree.refactor;

import org.orchestratoree.topology.InstanceKey;

/** A statement of a topology operation failed, or the server was not in a state the operation needs. */
public class TopologyOperationException extends RuntimeException {

    private final transient InstanceKey key;
    private final String statement;

    public TopologyOperationException(InstanceKey key, String statement, Throwable cause) {
        super(key + ": " + statement + " failed: " + describe(cause), cause);
        this.key = key;
        this.statement = statement;
    }

    /** A refusal found by reading the server, with no failed statement. */
    public TopologyOperationException(InstanceKey key, String message) {
        super(key + ": " + message);
        this.key = key;
        this.statement = "";
    }

    public InstanceKey key() {
        return key;
    }

    /** The statement that failed, or "" for a refusal. */
    public String statement() {
        return statement;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
