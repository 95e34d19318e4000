package org.orchestratoree.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored cluster aliases: those a failover or takeover handed to the successor's cluster ({@code cluster_alias})
 * and operators' overrides ({@code cluster_alias_override}). Detected aliases are not stored here: they are read
 * from the instances' own {@code suggested_cluster_alias}.
 */
public final class ClusterAliasRepository {

    private final Backend backend;
    private final String upsert;
    private final String upsertOverride;

    public ClusterAliasRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("cluster_alias", List.of("cluster_name"),
                List.of("cluster_name", "alias", "last_registered"));
        this.upsertOverride = backend.dialect().upsert("cluster_alias_override", List.of("cluster_name"),
                List.of("cluster_name", "alias", "last_registered"));
    }

    /** Records the alias a cluster took over from a failed or demoted master's cluster. */
    public void register(String clusterName, String alias) {
        Jdbc.update(backend, "register alias " + alias, upsert, clusterName, alias, System.currentTimeMillis());
    }

    /** cluster name to alias, for every cluster that took one over. */
    public Map<String, String> all() {
        return read("cluster_alias");
    }

    public void setOverride(String clusterName, String alias) {
        Jdbc.update(backend, "override alias of " + clusterName, upsertOverride, clusterName, alias,
                System.currentTimeMillis());
    }

    /** cluster name to alias, for every cluster an operator named. */
    public Map<String, String> overrides() {
        return read("cluster_alias_override");
    }

    /**
     * The alias moves with the master: the successor's cluster gets the old cluster's override and the given
     * alias, and the old cluster keeps neither.
     */
    public void handOver(String oldClusterName, String newClusterName, String alias) {
        String override = overrides().get(oldClusterName);
        deleteCluster(oldClusterName);
        if (override != null) {
            setOverride(newClusterName, override);
        }
        if (alias != null && !alias.isBlank() && !alias.equals(newClusterName)) {
            register(newClusterName, alias);
        }
    }

    public void deleteCluster(String clusterName) {
        Jdbc.update(backend, "forget alias of " + clusterName, "DELETE FROM cluster_alias WHERE cluster_name = ?",
                clusterName);
        Jdbc.update(backend, "forget alias override of " + clusterName,
                "DELETE FROM cluster_alias_override WHERE cluster_name = ?", clusterName);
    }

    private Map<String, String> read(String table) {
        Map<String, String> aliases = new LinkedHashMap<>();
        Jdbc.query(backend, "read " + table, "SELECT cluster_name, alias FROM " + table + " ORDER BY cluster_name",
                rs -> aliases.put(rs.getString(1), rs.getString(2)));
        return aliases;
    }
}
