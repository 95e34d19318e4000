package org.orchestratoree.config;

/** Orchestrator's {@code ListenAddress}: {@code :3000} (all interfaces) or {@code host:3000}. */
public record ListenAddress(String host, int port) {

    public static ListenAddress parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigurationException("ListenAddress = '" + text + "' is not of the form [host]:port");
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new ListenAddress(text.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("ListenAddress = '" + text + "' has no valid port (1..65535)");
        }
    }
}
