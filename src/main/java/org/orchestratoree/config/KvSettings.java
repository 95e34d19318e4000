package org.orchestratoree.config;

import java.util.Arrays;
import java.util.List;

/**
 * Where masters are published for proxies to find them, with orchestrator's key names.
 *
 * @param clusterMasterPrefix KVClusterMasterPrefix: keys are {@code <prefix>/<alias>} and below
 * @param zkAddress ZkAddress: comma-separated {@code host:port} list of ZooKeeper servers; empty: no ZooKeeper
 * @param consulAddress ConsulAddress: {@code host:port} of the Consul agent; empty: no Consul
 * @param consulScheme ConsulScheme: {@code http} or {@code https}
 * @param consulAclToken ConsulAclToken: sent with every Consul request when set
 * @param consulProvider ConsulKVStoreProvider: {@code consul} (one PUT per key) or {@code consul-txn}
 * @param consulMaxKvsPerTransaction ConsulMaxKVsPerTransaction: operations per Consul transaction (5..64)
 * @param consulCrossDataCenterDistribution ConsulCrossDataCenterDistribution: also write every known Consul DC
 * @param periodicCheckSeconds KVPeriodicCheckSeconds: how often masters without an entry are published
 */
public record KvSettings(
        String clusterMasterPrefix,
        String zkAddress,
        String consulAddress,
        String consulScheme,
        String consulAclToken,
        String consulProvider,
        int consulMaxKvsPerTransaction,
        boolean consulCrossDataCenterDistribution,
        int periodicCheckSeconds) {

    public static final String DEFAULT_PREFIX = "mysql/master";
    public static final List<String> CONSUL_PROVIDERS = List.of("consul", "consul-txn");

    public static KvSettings defaults() {
        return new KvSettings(DEFAULT_PREFIX, "", "", "http", "", "consul", 5, false, 60);
    }

    public boolean zooKeeperEnabled() {
        return !zkAddress.isBlank();
    }

    public boolean consulEnabled() {
        return !consulAddress.isBlank();
    }

    /** ZkAddress as a list of servers, blanks dropped. */
    public List<String> zkServers() {
        return Arrays.stream(zkAddress.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
