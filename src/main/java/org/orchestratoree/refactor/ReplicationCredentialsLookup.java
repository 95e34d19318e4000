package org.orchestratoree.refactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.FailoverConfiguration;
import org.orchestratoree.topology.InstanceKey;

/** Finds replication credentials on live servers, in {@link ReplicationCredentialSources}' order. */
@ApplicationScoped
public class ReplicationCredentialsLookup {

    @Inject
    TopologyOperations operations;
    @Inject
    CurrentConfiguration configuration;

    /** @param donors servers that replicate in the topology and so hold credentials, the likeliest first */
    public Optional<ReplicationCredentialSources.Found> find(List<InstanceKey> donors) {
        FailoverConfiguration f = configuration.get().failover();
        String query = f.replicationCredentialsQuery();
        ReplicationCredentialSources sources = new ReplicationCredentialSources(
                operations::masterInfoTableCredentials, donor -> operations.queriedCredentials(donor, query));
        return sources.find(donors, query, f.replicaUser(), f.replicaPassword());
    }

    /** A journal line for the lookup's outcome, naming the source and never the secret. */
    public static String describe(InstanceKey server, Optional<ReplicationCredentialSources.Found> found) {
        return found.map(c -> "replication credentials for " + server + ": user " + c.credentials().user()
                        + " from " + c.origin())
                .orElse("no replication credentials found for " + server + ": it keeps what it has");
    }
}
