package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.orchestratoree.config.RecoverySettings;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.discovery.UnknownClusterException;

/**
 * Fills in what hooks are told about the failed instance's cluster: its domain ({@code {failureClusterDomain}})
 * and whether the recovery filters automate its recoveries ({@code {autoMasterRecovery}},
 * {@code {autoIntermediateMasterRecovery}}), as the cluster's {@code HasAutomated*Recovery} fields say.
 */
@ApplicationScoped
public class HookClusterDetails {

    @Inject
    ClusterDirectory clusters;

    HookContext complete(HookContext context, RecoverySettings settings) {
        String domain;
        try {
            domain = clusters.clusterInfo(context.clusterName()).clusterDomain();
        } catch (UnknownClusterException e) {
            domain = "";
        }
        return context.withClusterDetails(domain,
                RecoveryFilters.covers(settings.recoverMasterClusterFilters(), context.clusterName(),
                        context.clusterAlias()),
                RecoveryFilters.covers(settings.recoverIntermediateMasterClusterFilters(), context.clusterName(),
                        context.clusterAlias()));
    }
}
