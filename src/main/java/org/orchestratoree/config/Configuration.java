package org.orchestratoree.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The typed, validated configuration of one node. A reload builds a new one; nothing mutates it. */
public record Configuration(
        Path file,
        ListenAddress listenAddress,
        BackendSettings backend,
        DiscoverySettings discovery,
        RecoverySettings recovery,
        FailoverConfiguration failover,
        KvSettings kv,
        RaftSettings raft,
        ElectionSettings election,
        Map<String, String> clusterNameToAlias,
        Set<String> unusedKeys,
        SemiSyncSettings semiSync) {

    public Configuration {
        clusterNameToAlias = Map.copyOf(clusterNameToAlias);
        unusedKeys = Set.copyOf(unusedKeys);
        semiSync = semiSync == null ? SemiSyncSettings.defaults() : semiSync;
    }
}
