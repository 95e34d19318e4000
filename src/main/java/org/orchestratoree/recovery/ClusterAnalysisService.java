package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orchestratoree.analysis.AnalysisContext;
import org.orchestratoree.analysis.ClusterView;
import org.orchestratoree.analysis.ReplicationAnalysis;
import org.orchestratoree.analysis.ReplicationAnalyzer;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.DiscoverySettings;
import org.orchestratoree.config.SemiSyncSettings;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Runs the pure analyzer over what this node currently knows: every cluster's latest snapshots, with the
 * thresholds of the current configuration.
 */
@ApplicationScoped
public class ClusterAnalysisService {

    private final ReplicationAnalyzer analyzer = new ReplicationAnalyzer();

    @Inject
    InstanceRepository instances;
    @Inject
    ClusterDirectory clusters;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    DowntimeService downtimes;
    @Inject
    BinlogStandstill standstill;

    /** Analyses of every cluster; with {@code includeNoProblem} healthy instances are listed too. */
    public List<ReplicationAnalysis> analyzeAll(boolean includeNoProblem) {
        Map<String, List<Instance>> byCluster = new LinkedHashMap<>();
        for (Instance i : instances.findAll()) {
            byCluster.computeIfAbsent(i.clusterName(), k -> new ArrayList<>()).add(i);
        }
        // aliases only: the instances were just read, and this runs every 100 ms while a master is suspect
        Map<String, String> aliases = clusters.aliasesOf(byCluster);
        AnalysisContext context = context(includeNoProblem, byCluster);
        List<ReplicationAnalysis> result = new ArrayList<>();
        byCluster.forEach((name, members) -> result.addAll(analyzer.analyze(
                new ClusterView(name, aliases.getOrDefault(name, name), members), context)));
        return result;
    }

    public List<ReplicationAnalysis> analyzeCluster(String clusterName, boolean includeNoProblem) {
        return analyzeAll(includeNoProblem).stream().filter(a -> a.clusterName().equals(clusterName)).toList();
    }

    public List<ReplicationAnalysis> analyzeInstance(InstanceKey key, boolean includeNoProblem) {
        return analyzeAll(includeNoProblem).stream().filter(a -> a.analyzedInstanceKey().equals(key)).toList();
    }

    private AnalysisContext context(boolean includeNoProblem, Map<String, List<Instance>> byCluster) {
        DiscoverySettings d = configuration.get().discovery();
        SemiSyncSettings semiSync = configuration.get().semiSync();
        Instant now = Instant.now();
        List<Instance> all = byCluster.values().stream().flatMap(List::stream).toList();
        AnalysisContext context = AnalysisContext.at(now)
                .withPollInterval(d.pollInterval())
                .withThresholds(d.reasonableReplicationLagSeconds(), semiSync.reasonableLockedSemiSyncMasterSeconds())
                .withDowntimed(downtimes.downtimedKeys(now))
                .withBinlogUnchangedSince(standstill.observe(all, now))
                .enforcingExactSemiSyncReplicas(semiSync.enforceExactSemiSyncReplicas())
                .recoveringNonWriteableMaster(configuration.get().recovery().recoverNonWriteableMaster());
        return includeNoProblem ? context.includingNoProblem() : context;
    }
}
