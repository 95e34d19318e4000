package org.orchestratoree.kv.consul;

import java.util.Objects;

/**
 * How to reach Consul and how to write to it: {@code ConsulAddress} ({@code host:port}), {@code ConsulScheme},
 * {@code ConsulAclToken}, {@code ConsulKVStoreProvider} ({@code consul} or {@code consul-txn}),
 * {@code ConsulMaxKVsPerTransaction} and {@code ConsulCrossDataCenterDistribution}.
 */
public record ConsulSettings(String address, String scheme, String aclToken, String provider,
        int maxKVsPerTransaction, boolean crossDataCenterDistribution) {

    /** One HTTP PUT per key. */
    public static final String PROVIDER_PLAIN = "consul";
    /** Read in one transaction, write the differences in transactions grouped by cluster (Consul 0.7+). */
    public static final String PROVIDER_TXN = "consul-txn";
    /** A cluster's master entry is five keys; a smaller transaction could not change one cluster atomically. */
    public static final int KVS_PER_CLUSTER = 5;
    /** Consul's limit on operations in one transaction (older servers; newer ones allow 128). */
    public static final int MAX_TRANSACTION_OPS = 64;
    public static final int DEFAULT_PORT = 8500;

    public ConsulSettings {
        Objects.requireNonNull(address, "address");
        address = address.strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("Consul address is empty");
        }
        scheme = scheme == null || scheme.isBlank() ? "http" : scheme.strip().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Consul scheme must be http or https, not " + scheme);
        }
        parsePort(address);
        aclToken = aclToken == null ? "" : aclToken.strip();
        provider = provider == null || provider.isBlank() ? PROVIDER_PLAIN : provider.strip();
        if (!provider.equals(PROVIDER_PLAIN) && !provider.equals(PROVIDER_TXN)) {
            throw new IllegalArgumentException("ConsulKVStoreProvider must be consul or consul-txn, not " + provider);
        }
        // orchestrator clamps rather than rejects: 0 (unset) means the default of one cluster per transaction
        maxKVsPerTransaction = Math.max(KVS_PER_CLUSTER, Math.min(MAX_TRANSACTION_OPS, maxKVsPerTransaction));
    }

    /** Plain provider, no token, default grouping: enough for most setups and for tests. */
    public static ConsulSettings plain(String address) {
        return new ConsulSettings(address, "http", "", PROVIDER_PLAIN, KVS_PER_CLUSTER, false);
    }

    public static ConsulSettings transactional(String address, int maxKVsPerTransaction) {
        return new ConsulSettings(address, "http", "", PROVIDER_TXN, maxKVsPerTransaction, false);
    }

    public ConsulSettings withAclToken(String token) {
        return new ConsulSettings(address, scheme, token, provider, maxKVsPerTransaction, crossDataCenterDistribution);
    }

    public boolean transactional() {
        return PROVIDER_TXN.equals(provider);
    }

    public String host() {
        int colon = portColon();
        String host = colon < 0 ? address : address.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return parsePort(address);
    }

    /** {@code http://host:port}: how errors name this Consul. */
    public String baseUrl() {
        return scheme + "://" + address + (portColon() < 0 ? ":" + DEFAULT_PORT : "");
    }

    /** The colon before the port, skipping the colons of a bracketed IPv6 address; -1 when no port is given. */
    private int portColon() {
        return portColon(address);
    }

    private static int parsePort(String address) {
        int colon = portColon(address);
        if (colon < 0) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Consul address must be host:port, not " + address, e);
        }
    }

    private static int portColon(String address) {
        int colon = address.lastIndexOf(':');
        int bracket = address.lastIndexOf(']');
        if (colon < 0 || colon < bracket || (bracket < 0 && address.indexOf(':') != colon)) {
            return -1;
        }
        return colon;
    }
}
