package org.orchestratoree.ha;

/** A command was applied and failed; the message says why, in words fit for the API. */
public class CommandFailedException extends RuntimeException {
    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
