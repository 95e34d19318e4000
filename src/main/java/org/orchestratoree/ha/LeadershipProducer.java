package org.orchestratoree.ha;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.orchestratoree.config.BackendSettings;
import org.orchestratoree.config.Configuration;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.ha.raft.RaftLeadership;
import org.orchestratoree.ha.shared.SharedBackendLeadership;

/**
 * Picks the HA strategy at start-up: a raft group when RaftEnabled, a lease on the shared backend when the
 * backend is MySQL (several nodes may share it, as orchestrator's do), a single node on SQLite. Everything
 * else injects {@link Leadership} and never learns which one runs.
 */
@ApplicationScoped
public class LeadershipProducer {

    /** The strategies, as configuration selects them. */
    public enum Strategy { SINGLE_NODE, RAFT, SHARED_BACKEND }

    @Inject
    CurrentConfiguration configuration;
    @Inject
    Instance<SingleNodeLeadership> single;
    @Inject
    Instance<RaftLeadership> raft;
    @Inject
    Instance<SharedBackendLeadership> shared;

    public static Strategy strategy(Configuration config) {
        if (config.raft().enabled()) {
            return Strategy.RAFT;
        }
        return config.backend().type() == BackendSettings.BackendType.MYSQL
                ? Strategy.SHARED_BACKEND : Strategy.SINGLE_NODE;
    }

    @Produces
    Leadership leadership() {
        Strategy strategy;
        try {
            strategy = strategy(configuration.get());
        } catch (ConfigurationException e) {
            // start-up reports the invalid configuration and stops; nothing leads meanwhile
            strategy = Strategy.SINGLE_NODE;
        }
        return switch (strategy) {
            case RAFT -> raft.get();
            case SHARED_BACKEND -> shared.get();
            case SINGLE_NODE -> single.get();
        };
    }
}
