package org.orchestratoree.api;

/** A request the API cannot satisfy; the message goes to the client as is. */
public class ApiException extends RuntimeException {
    public ApiException(String message) {
        super(message);
    }
}
