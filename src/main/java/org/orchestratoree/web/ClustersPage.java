package org.orchestratoree.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.persistence.BackendUnavailableException;

/** Backs {@code index.xhtml}: every known cluster with its alias and instance count. */
@Named("clustersPage")
@RequestScoped
public class ClustersPage {

    @Inject
    ClusterDirectory directory;

    private List<ClusterRow> clusters;
    private String error;

    public List<ClusterRow> getClusters() {
        if (clusters == null) {
            try {
                clusters = directory.clustersInfo().stream().map(ClusterRow::new).toList();
            } catch (BackendUnavailableException e) {
                error = e.getMessage();
                clusters = List.of();
            }
        }
        return clusters;
    }

    public int getInstanceTotal() {
        return getClusters().stream().mapToInt(ClusterRow::getInstanceCount).sum();
    }

    /** The backend's complaint when the list could not be read, else null. */
    public String getError() {
        getClusters();
        return error;
    }
}
