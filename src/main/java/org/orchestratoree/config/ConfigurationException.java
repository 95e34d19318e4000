package org.orchestratoree.config;

/** A configuration that cannot be used; the message names the key and the offending value. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
