package org.orchestratoree.analysis;

import java.util.List;
import java.util.Objects;
import org.orchestratoree.topology.Instance;

/**
 * The instances of one cluster as last known, which is all the analyzer looks at.
 *
 * @param clusterAlias the alias; equals the cluster name when none is set, as orchestrator reports it
 */
public record ClusterView(String clusterName, String clusterAlias, List<Instance> instances) {

    public ClusterView {
        Objects.requireNonNull(clusterName, "clusterName");
        clusterAlias = clusterAlias == null || clusterAlias.isBlank() ? clusterName : clusterAlias;
        instances = List.copyOf(instances);
    }

    /** A view named after the instances' own cluster (the first one's placement), without alias. */
    public static ClusterView of(List<Instance> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a cluster view needs at least one instance");
        }
        return new ClusterView(instances.get(0).clusterName(), null, instances);
    }

    public ClusterView withAlias(String alias) {
        return new ClusterView(clusterName, alias, instances);
    }
}
