package org.orchestratoree.ha;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.ha.raft.RaftLeadership;

/**
 * Picks the HA strategy at start-up: a raft group when RaftEnabled, a single node otherwise. Everything
 * else injects {@link Leadership} and never learns which one runs.
 */
@ApplicationScoped
public class LeadershipProducer {

    @Inject
    CurrentConfiguration configuration;
    @Inject
    Instance<SingleNodeLeadership> single;
    @Inject
    Instance<RaftLeadership> raft;

    @Produces
    Leadership leadership() {
        boolean raftEnabled;
        try {
            raftEnabled = configuration.get().raft().enabled();
        } catch (ConfigurationException e) {
            // start-up reports the invalid configuration and stops; nothing leads meanwhile
            raftEnabled = false;
        }
        return raftEnabled ? raft.get() : single.get();
    }
}
