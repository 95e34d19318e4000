package org.orchestratoree.config;

import java.time.Duration;
import java.util.List;

/**
 * How topology servers are reached and how often they are probed.
 *
 * @param detectClusterDomainQuery run on a master; its single value is the cluster's domain name
 * @param seeds {@code DiscoverySeeds}: {@code host:port} of instances discovered at start-up and on reload
 */
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
        int reasonableReplicationLagSeconds,
        String detectClusterDomainQuery,
        List<String> seeds) {

    public DiscoverySettings {
        seeds = List.copyOf(seeds);
    }

    public Duration pollInterval() {
        return Duration.ofSeconds(instancePollSeconds);
    }
}
