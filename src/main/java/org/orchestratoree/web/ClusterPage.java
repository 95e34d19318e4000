package org.orchestratoree.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.discovery.UnknownClusterException;
import org.orchestratoree.persistence.BackendUnavailableException;
import org.orchestratoree.topology.ClusterInfo;
import org.orchestratoree.topology.Instance;

/**
 * Backs {@code cluster.xhtml?name=...}: one cluster's instances as a table and as orchestrator's tabulated
 * ASCII topology. The name may also be an alias or an instance of the cluster, as the API accepts.
 */
@Named("clusterPage")
@RequestScoped
public class ClusterPage {

    @Inject
    ClusterDirectory directory;

    private String name;
    private boolean loaded;
    private ClusterInfo info;
    private List<InstanceRow> instances = List.of();
    private String topology = "";
    private String error;

    public String getName() {
        return name;
    }

    /** Set from the {@code name} request parameter by {@code f:viewParam}. */
    public void setName(String name) {
        this.name = name;
        this.loaded = false;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (name == null || name.isBlank()) {
            error = "No cluster named: use cluster.xhtml?name=CLUSTER";
            return;
        }
        try {
            String cluster = directory.resolve(name);
            info = directory.clusterInfo(cluster);
            List<Instance> members = directory.members(cluster);
            instances = members.stream().map(InstanceRow::new).toList();
            topology = directory.listing().tabulated(members);
        } catch (UnknownClusterException | BackendUnavailableException e) {
            error = e.getMessage();
        }
    }

    public boolean isFound() {
        load();
        return info != null;
    }

    public String getClusterName() {
        load();
        return info == null ? name : info.clusterName();
    }

    public String getAlias() {
        load();
        return info == null ? "" : info.clusterAlias();
    }

    public boolean isAliased() {
        load();
        return info != null && !info.clusterAlias().isEmpty() && !info.clusterAlias().equals(info.clusterName());
    }

    public List<InstanceRow> getInstances() {
        load();
        return instances;
    }

    public String getTopology() {
        load();
        return topology;
    }

    public String getError() {
        load();
        return error;
    }
}
