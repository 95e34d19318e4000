package org.orchestratoree.kv;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.topology.ClusterInfo;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Decides when masters are published to the KV stores, as orchestrator does: periodically for masters the
 * internal store does not know yet (so an external store is injected once, not kept in line), on an actual
 * failover, and on an operator's request (both overwrite). Only a reachable, writable master is published.
 * Every write is a {@link WriteKvCommand} through the leadership seam, applied by each node to its own stores.
 */
@ApplicationScoped
public class KvPublisher {

    private static final Logger LOG = Logger.getLogger(KvPublisher.class.getName());
    private static final Duration DNS_LIMIT = Duration.ofSeconds(1);

    @Inject
    ClusterDirectory clusters;
    @Inject
    Leadership leadership;
    @Inject
    KvStores stores;
    @Inject
    CurrentConfiguration configuration;
    @Resource
    ManagedExecutorService executor;

    /** The pairs written and what each store made of them. */
    public record Submission(List<KvPair> pairs, KvWriteReport report) {
    }

    /** The periodic check: writes the clusters whose entries the internal store lacks or holds differently. */
    public int publishMissing() {
        List<KvPair> due = new ArrayList<>();
        for (ClusterInfo c : clusters.clustersInfo()) {
            List<KvPair> pairs = pairs(c);
            if (!pairs.isEmpty() && !internallyKnown(pairs)) {
                due.addAll(pairs);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        KvWriteReport report = leadership.publish(new WriteKvCommand(due, true));
        LOG.info("kv periodic check: " + report.describe());
        return due.size();
    }

    /** An operator's request: overwrites the entries of every cluster, or of the one named. */
    public Submission submit(Optional<String> clusterName) {
        List<KvPair> pairs = new ArrayList<>();
        for (ClusterInfo c : clusters.clustersInfo()) {
            if (clusterName.isEmpty() || clusterName.get().equals(c.clusterName())) {
                pairs.addAll(pairs(c));
            }
        }
        KvWriteReport report = pairs.isEmpty() ? KvWriteReport.nothing()
                : leadership.publish(new WriteKvCommand(pairs, true));
        return new Submission(pairs, report);
    }

    /**
     * ConsulCrossDataCenterDistribution: every cluster's current master, written into every data center the
     * Consul catalog lists. Runs on the leader; each data center's failure is reported, none stops the others.
     */
    public List<String> distributeAcrossDataCenters() {
        Optional<org.orchestratoree.kv.consul.ConsulKvStore> consul = stores.consulStore();
        if (consul.isEmpty() || !configuration.get().kv().consulCrossDataCenterDistribution()) {
            return List.of();
        }
        List<KvPair> pairs = new ArrayList<>();
        clusters.clustersInfo().forEach(c -> pairs.addAll(pairs(c)));
        return pairs.isEmpty() ? List.of() : consul.get().distributeToAllDataCenters(pairs);
    }

    /** A failover promoted {@code successor}: its entries overwrite the old master's in every store. */
    public KvWriteReport publishSuccessor(String clusterAlias, InstanceKey successor) {
        return leadership.publish(new WriteKvCommand(entry(clusterAlias, successor).pairs(prefix()), true));
    }

    /** The cluster's entries, or none when its master is not reachable and writable. */
    List<KvPair> pairs(ClusterInfo cluster) {
        Optional<Instance> master = clusters.master(cluster.clusterName())
                .filter(m -> m.checks().lastCheckValid() && !m.snapshot().readOnly());
        return master.map(m -> entry(cluster.clusterAlias(), m.key()).pairs(prefix())).orElse(List.of());
    }

    MasterEntry entry(String alias, InstanceKey master) {
        HostAddresses addresses = HostAddresses.of(master.hostname(), executor, DNS_LIMIT);
        return new MasterEntry(alias, master, addresses.ipv4(), addresses.ipv6());
    }

    private boolean internallyKnown(List<KvPair> pairs) {
        InternalKvStore internal = stores.internal();
        for (KvPair p : pairs) {
            if (!Objects.equals(internal.get(p.key()).orElse(null), p.value())) {
                return false;
            }
        }
        return true;
    }

    private String prefix() {
        return configuration.get().kv().clusterMasterPrefix();
    }
}
