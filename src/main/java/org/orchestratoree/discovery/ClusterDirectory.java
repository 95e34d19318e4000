package org.orchestratoree.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.persistence.ClusterAliasRepository;
import org.orchestratoree.persistence.ClusterDomainRepository;
import org.orchestratoree.persistence.DowntimeRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.ClusterAliases;
import org.orchestratoree.topology.ClusterInfo;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InvalidInstanceKeyException;
import org.orchestratoree.topology.TopologyListing;

/**
 * Answers questions about clusters: which cluster a hint names, its alias, its master, its members. A hint
 * is tried as a cluster name, then an alias, then an instance key ({@code host:port} or {@code host} with the
 * default port), then a unique partial host name with that port, as orchestrator does.
 */
@ApplicationScoped
public class ClusterDirectory {

    @Inject
    InstanceRepository instances;
    @Inject
    ClusterAliasRepository aliases;
    @Inject
    DowntimeRepository downtimes;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    ClusterDomainRepository domains;

    public String resolve(String hint) {
        if (hint == null || hint.isBlank()) {
            throw new UnknownClusterException("Unable to determine cluster name by empty hint");
        }
        List<ClusterInfo> clusters = clustersInfo();
        for (ClusterInfo c : clusters) {
            if (c.clusterName().equals(hint)) {
                return c.clusterName();
            }
        }
        for (ClusterInfo c : clusters) {
            if (c.clusterAlias().equals(hint)) {
                return c.clusterName();
            }
        }
        InstanceKey key;
        try {
            key = InstanceKey.parse(hint);
        } catch (InvalidInstanceKeyException e) {
            throw new UnknownClusterException("Unable to determine cluster name. clusterHint=" + hint);
        }
        Optional<Instance> exact = instances.find(key);
        if (exact.isPresent()) {
            return exact.get().clusterName();
        }
        List<Instance> fuzzy = instances.findAll().stream()
                .filter(i -> i.key().port() == key.port() && i.key().hostname().contains(key.hostname())).toList();
        if (fuzzy.size() == 1) {
            return fuzzy.get(0).clusterName();
        }
        throw new UnknownClusterException("Unable to determine cluster name. clusterHint=" + hint);
    }

    public String resolveAlias(String alias) {
        return clustersInfo().stream()
                .filter(c -> c.clusterAlias().equals(alias) || c.clusterName().equals(alias))
                .map(ClusterInfo::clusterName).findFirst()
                .orElseThrow(() -> new UnknownClusterException("No cluster found for alias " + alias));
    }

    public List<ClusterInfo> clustersInfo() {
        Map<String, List<Instance>> byCluster = byCluster(instances.findAll());
        Map<String, String> aliasOf = aliasesOf(byCluster);
        Map<String, String> detectedDomains = domainsDetected();
        List<ClusterInfo> infos = new ArrayList<>();
        byCluster.forEach((name, members) -> infos.add(new ClusterInfo(name, aliasOf.get(name),
                detectedDomains.getOrDefault(name, ""), members.size())));
        return infos;
    }

    public ClusterInfo clusterInfo(String clusterName) {
        return clustersInfo().stream().filter(c -> c.clusterName().equals(clusterName)).findFirst()
                .orElseThrow(() -> new UnknownClusterException("No cluster info found for " + clusterName));
    }

    /** Domains detected by DetectClusterDomainQuery; none while no query is configured. */
    private Map<String, String> domainsDetected() {
        return configuration.get().discovery().detectClusterDomainQuery().isBlank() ? Map.of() : domains.all();
    }

    /** Instances by cluster name, clusters in name order. */
    public static Map<String, List<Instance>> byCluster(List<Instance> all) {
        Map<String, List<Instance>> byCluster = new TreeMap<>();
        all.forEach(i -> byCluster.computeIfAbsent(i.clusterName(), k -> new ArrayList<>()).add(i));
        return byCluster;
    }

    /**
     * The alias of each cluster of the given instances (its name when it has none), every alias owned by one
     * cluster: see {@link ClusterAliases}.
     */
    public Map<String, String> aliasesOf(Map<String, List<Instance>> byCluster) {
        Set<InstanceKey> lost = downtimes.active(Instant.now()).stream()
                .filter(d -> Downtime.LOST_IN_RECOVERY.equals(d.reason())).map(Downtime::key)
                .collect(Collectors.toSet());
        ClusterAliases.Sources sources = new ClusterAliases.Sources(aliases.overrides(), aliases.all(),
                configuration.get().clusterNameToAlias(), lost);
        return ClusterAliases.resolve(byCluster, sources);
    }

    /** The text rendering of clusters, with the freshness rules of the current configuration. */
    public TopologyListing listing() {
        var d = configuration.get().discovery();
        return new TopologyListing(java.time.Instant.now(), d.pollInterval(), d.reasonableReplicationLagSeconds());
    }

    public List<Instance> members(String clusterName) {
        List<Instance> members = new ArrayList<>(instances.findByCluster(clusterName));
        members.sort(Comparator.comparing(Instance::key));
        return members;
    }

    /** The cluster's master: depth 0 or co-master, writable first. */
    public Optional<Instance> master(String clusterName) {
        return instances.findByCluster(clusterName).stream()
                .filter(i -> i.placement().replicationDepth() == 0 || i.placement().coMaster())
                .min(Comparator.comparing((Instance i) -> i.snapshot().readOnly())
                        .thenComparing(i -> i.placement().replicationDepth()));
    }

    /** The writable master of every cluster. */
    public List<Instance> writableMasters() {
        List<Instance> masters = new ArrayList<>();
        for (ClusterInfo c : clustersInfo()) {
            master(c.clusterName()).filter(m -> !m.snapshot().readOnly()).ifPresent(masters::add);
        }
        return masters;
    }
}
