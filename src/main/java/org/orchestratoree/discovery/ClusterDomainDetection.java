package org.orchestratoree.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.persistence.ClusterDomainRepository;
import org.orchestratoree.topology.Instance;

/**
 * Orchestrator's DetectClusterDomainQuery: run on each master as it is polled, its single value is the
 * cluster's domain name ({@code ClusterDomain}, the {@code {failureClusterDomain}} hook placeholder). A failing
 * query is logged and keeps the domain known before; the domain is written only when it changes.
 */
@ApplicationScoped
public class ClusterDomainDetection {

    private static final Logger LOG = Logger.getLogger(ClusterDomainDetection.class.getName());

    @Inject
    CurrentConfiguration configuration;
    @Inject
    ProbeProvider probes;
    @Inject
    ClusterDomainRepository domains;

    private final Map<String, String> registered = new ConcurrentHashMap<>();

    void detect(Instance master) {
        String query = configuration.get().discovery().detectClusterDomainQuery();
        if (query.isBlank()) {
            return;
        }
        String domain;
        try {
            domain = probes.singleValue(master.key(), query);
        } catch (SQLException e) {
            LOG.warning(master.key() + ": could not detect cluster domain: " + e.getMessage());
            return;
        }
        String cluster = master.clusterName();
        if (!domain.equals(registered.get(cluster))) {
            domains.register(cluster, domain);
            registered.put(cluster, domain);
        }
    }

    void forgetCluster(String clusterName) {
        domains.deleteCluster(clusterName);
        registered.remove(clusterName);
    }
}
