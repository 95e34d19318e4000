package org.orchestratoree.discovery.probe;

import java.util.Objects;

/**
 * How the probe reaches and interprets a topology server. Empty strings mean "not set": queries and
 * patterns that are empty are simply not applied.
 *
 * @param connectTimeoutSeconds TCP connect and handshake limit; also bounds how long a dead server takes
 *                              to be reported unreachable
 * @param readTimeoutSeconds    socket read limit per statement
 */
public record ProbeSettings(
        String topologyUser,
        String topologyPassword,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        boolean discoverByShowSlaveHosts,
        String detectClusterAliasQuery,
        String detectDataCenterQuery,
        String dataCenterPattern,
        String detectRegionQuery,
        String regionPattern,
        String detectPhysicalEnvironmentQuery) {

    public ProbeSettings {
        topologyUser = Objects.requireNonNullElse(topologyUser, "");
        topologyPassword = Objects.requireNonNullElse(topologyPassword, "");
        detectClusterAliasQuery = Objects.requireNonNullElse(detectClusterAliasQuery, "");
        detectDataCenterQuery = Objects.requireNonNullElse(detectDataCenterQuery, "");
        dataCenterPattern = Objects.requireNonNullElse(dataCenterPattern, "");
        detectRegionQuery = Objects.requireNonNullElse(detectRegionQuery, "");
        regionPattern = Objects.requireNonNullElse(regionPattern, "");
        detectPhysicalEnvironmentQuery = Objects.requireNonNullElse(detectPhysicalEnvironmentQuery, "");
        if (connectTimeoutSeconds < 1 || readTimeoutSeconds < 1) {
            throw new IllegalArgumentException("probe timeouts must be at least 1 second");
        }
    }

    /** Credentials and timeouts only; no detection queries or patterns. */
    public static ProbeSettings basic(String user, String password, int connectTimeoutSeconds,
                                      int readTimeoutSeconds) {
        return new ProbeSettings(user, password, connectTimeoutSeconds, readTimeoutSeconds, true,
                "", "", "", "", "", "");
    }
}
