package org.orchestratoree.config;

import java.time.Duration;

/** How topology servers are reached and how often they are probed. */
public record DiscoverySettings(
        int instancePollSeconds,
        int maxConcurrency,
        boolean discoverByShowSlaveHosts,
        String topologyUser,
        String topologyPassword,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        String detectClusterAliasQuery,
        String detectDataCenterQuery,
        String dataCenterPattern,
        String detectRegionQuery,
        String regionPattern,
        String detectPhysicalEnvironmentQuery,
        int unseenInstanceForgetHours,
        int reasonableReplicationLagSeconds) {

    public Duration pollInterval() {
        return Duration.ofSeconds(instancePollSeconds);
    }
}
