package org.orchestratoree.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster aliases as detected on masters ({@code DetectClusterAliasQuery}) and kept in {@code cluster_alias}. */
public final class ClusterAliasRepository {

    private final Backend backend;
    private final String upsert;

    public ClusterAliasRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("cluster_alias", List.of("cluster_name"),
                List.of("cluster_name", "alias", "last_registered"));
    }

    public void register(String clusterName, String alias) {
        Jdbc.update(backend, "register alias " + alias, upsert, clusterName, alias, System.currentTimeMillis());
    }

    /** cluster name to alias, for every cluster that has one. */
    public Map<String, String> all() {
        Map<String, String> aliases = new LinkedHashMap<>();
        Jdbc.query(backend, "read aliases", "SELECT cluster_name, alias FROM cluster_alias ORDER BY cluster_name",
                rs -> aliases.put(rs.getString(1), rs.getString(2)));
        return aliases;
    }

    public void deleteCluster(String clusterName) {
        Jdbc.update(backend, "forget alias of " + clusterName, "DELETE FROM cluster_alias WHERE cluster_name = ?",
                clusterName);
    }
}
