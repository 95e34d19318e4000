package org.orchestratoree.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orchestrator's raft keys, normalised: every address is {@code host:port}, an entry without a port taking
 * {@code DefaultRaftPort}. {@code advertise} is this node's identity in the group (RaftAdvertise, else RaftBind).
 *
 * @param httpAdvertise the URL other nodes use to reach this node's API (HTTPAdvertise), without a trailing slash
 */
public record RaftSettings(
        boolean enabled,
        String dataDir,
        String bind,
        String advertise,
        int defaultPort,
        List<String> nodes,
        String httpAdvertise) {

    public static final int DEFAULT_RAFT_PORT = 10008;

    public RaftSettings {
        nodes = List.copyOf(nodes);
    }

    public static RaftSettings disabled(String httpAdvertise) {
        return new RaftSettings(false, "", "127.0.0.1:" + DEFAULT_RAFT_PORT, "127.0.0.1:" + DEFAULT_RAFT_PORT,
                DEFAULT_RAFT_PORT, List.of(), httpAdvertise);
    }

    /** The host of a {@code host:port} address. */
    public static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    /** The port of a {@code host:port} address. */
    public static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /**
     * Validates the raw values the way orchestrator does, with one message naming the key at fault.
     */
    static RaftSettings of(boolean enabled, String dataDir, String bindText, Optional<String> advertiseText,
                           int defaultPort, List<String> nodeTexts, String httpAdvertise) {
        String bind = address("RaftBind", bindText, defaultPort);
        String advertise = advertiseText.map(a -> address("RaftAdvertise", a, defaultPort)).orElse(bind);
        List<String> nodes = new ArrayList<>();
        for (String entry : nodeTexts) {
            String node = address("RaftNodes", entry, defaultPort);
            if (nodes.contains(node)) {
                throw new ConfigurationException("RaftNodes entry '" + entry + "' is listed twice");
            }
            nodes.add(node);
        }
        if (enabled) {
            if (dataDir.isBlank()) {
                throw new ConfigurationException("RaftDataDir must be set when RaftEnabled is true");
            }
            if (nodes.isEmpty()) {
                throw new ConfigurationException("RaftNodes must list the group's nodes when RaftEnabled is true");
            }
            if (!nodes.contains(advertise)) {
                String key = advertiseText.isPresent() ? "RaftAdvertise" : "RaftBind";
                throw new ConfigurationException(key + " = '" + advertise + "' is not one of RaftNodes " + nodes
                        + ": a node must be a member of the group it joins");
            }
        }
        return new RaftSettings(enabled, dataDir, bind, advertise, defaultPort, nodes, httpAdvertise(httpAdvertise));
    }

    /** A member's address as given to raft-add-peer, normalised like a RaftNodes entry. */
    public static String normalise(String text, int defaultPort) {
        return address("address", text, defaultPort);
    }

    /** {@code host} or {@code host:port}; a bare IPv6 address needs brackets to carry a port. */
    static String address(String key, String text, int defaultPort) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.contains("/") || t.contains(" ") || t.contains(",")) {
            throw new ConfigurationException(key + " entry '" + text + "' is not of the form host or host:port");
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0 || (t.startsWith("[") && t.endsWith("]"))) {
            return t + ":" + defaultPort;
        }
        String host = t.substring(0, colon);
        if (host.isEmpty()) {
            throw new ConfigurationException(key + " entry '" + text + "' has no host");
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return host + ":" + port;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + " entry '" + text + "' has no valid port (1..65535)");
        }
    }

    private static String httpAdvertise(String text) {
        String t = text.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            URI uri = URI.create(t);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getPort() < 0 || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("HTTPAdvertise = '" + text + "' is not of the form http[s]://host:port");
        }
        return t;
    }
}
