package org.orchestratoree.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.persistence.ClusterAliasRepository;
import org.orchestratoree.persistence.ClusterDomainRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.ClusterInfo;
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
        Map<String, Integer> counts = new LinkedHashMap<>();
        instances.findAll().stream().map(Instance::clusterName).sorted()
                .forEach(name -> counts.merge(name, 1, Integer::sum));
        Map<String, String> detected = aliases.all();
        Map<String, String> detectedDomains = domainsDetected();
        List<ClusterInfo> infos = new ArrayList<>();
        counts.forEach((name, count) -> infos.add(new ClusterInfo(name, aliasOf(name, detected),
                detectedDomains.getOrDefault(name, ""), count)));
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

    /** The alias of each named cluster, from one read of the detected aliases. */
    public Map<String, String> aliasesOf(java.util.Collection<String> clusterNames) {
        Map<String, String> detected = aliases.all();
        Map<String, String> result = new LinkedHashMap<>();
        clusterNames.forEach(name -> result.put(name, aliasOf(name, detected)));
        return result;
    }

    /** Detected alias, else the first ClusterNameToAlias entry whose regex matches, else the name itself. */
    String aliasOf(String clusterName, Map<String, String> detected) {
        String alias = detected.get(clusterName);
        if (alias != null && !alias.isEmpty() && !alias.equals(clusterName)) {
            return alias;
        }
        for (Map.Entry<String, String> e : configuration.get().clusterNameToAlias().entrySet()) {
            if (e.getKey().equals(clusterName) || matches(e.getKey(), clusterName)) {
                return e.getValue();
            }
        }
        return clusterName;
    }

    private static boolean matches(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
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
