package org.orchestratoree.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster domain names as detected on masters ({@code DetectClusterDomainQuery}), kept in {@code cluster_domain_name}. */
public final class ClusterDomainRepository {

    private final Backend backend;
    private final String upsert;

    public ClusterDomainRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("cluster_domain_name", List.of("cluster_name"),
                List.of("cluster_name", "domain_name", "last_registered"));
    }

    public void register(String clusterName, String domain) {
        Jdbc.update(backend, "register domain " + domain, upsert, clusterName, domain, System.currentTimeMillis());
    }

    /** cluster name to domain, for every cluster that has one. */
    public Map<String, String> all() {
        Map<String, String> domains = new LinkedHashMap<>();
        Jdbc.query(backend, "read cluster domains",
                "SELECT cluster_name, domain_name FROM cluster_domain_name ORDER BY cluster_name",
                rs -> domains.put(rs.getString(1), rs.getString(2)));
        return domains;
    }

    public void deleteCluster(String clusterName) {
        Jdbc.update(backend, "forget domain of " + clusterName,
                "DELETE FROM cluster_domain_name WHERE cluster_name = ?", clusterName);
    }
}
