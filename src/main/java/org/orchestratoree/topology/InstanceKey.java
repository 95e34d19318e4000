package org.orchestratoree.topology;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies one MySQL/MariaDB server by the host and port orchestrator reaches it on. */
public record InstanceKey(String hostname, int port) implements java.io.Serializable, Comparable<InstanceKey> {

    public static final int DEFAULT_PORT = 3306;
    // RFC 1123 host names, IPv4 literals and bracket-less IPv6 literals are all accepted
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:%-]+");

    public InstanceKey {
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isBlank() || !HOST.matcher(hostname).matches()) {
            throw new InvalidInstanceKeyException("invalid hostname: '" + hostname + "'");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInstanceKeyException("invalid port: " + port + " (expected 1..65535)");
        }
    }

    /** Parses {@code host:port}, {@code host} (default port) or {@code [ipv6]:port}. */
    public static InstanceKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInstanceKeyException("empty instance key");
        }
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new InvalidInstanceKeyException("invalid instance key: '" + text + "'");
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return new InstanceKey(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new InvalidInstanceKeyException("invalid instance key: '" + text + "'");
            }
            return new InstanceKey(host, parsePort(rest.substring(1), text));
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.indexOf(':') != colon) {
            // no port, or a bare IPv6 literal
            return new InstanceKey(s, DEFAULT_PORT);
        }
        return new InstanceKey(s.substring(0, colon), parsePort(s.substring(colon + 1), text));
    }

    public static InstanceKey of(String hostname, String port) {
        return new InstanceKey(hostname, parsePort(port, hostname + ":" + port));
    }

    private static int parsePort(String port, String whole) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new InvalidInstanceKeyException("invalid port '" + port + "' in instance key '" + whole + "'");
        }
    }

    /** Whether a text looks like {@code host:port}; used to tell an instance hint from a cluster alias. */
    public static boolean looksLikeKey(String text) {
        try {
            parse(text);
            return text.contains(":");
        } catch (InvalidInstanceKeyException e) {
            return false;
        }
    }

    /** {@code host:port}, with an IPv6 host in brackets so that {@link #parse} reads it back. */
    @Override
    public String toString() {
        return hostname.contains(":") ? "[" + hostname + "]:" + port : hostname + ":" + port;
    }

    @Override
    public int compareTo(InstanceKey o) {
        int c = hostname.compareTo(o.hostname);
        return c != 0 ? c : Integer.compare(port, o.port);
    }
}
