package org.orchestratoree.refactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.DiscoverySettings;
import org.orchestratoree.discovery.probe.ProbeSettings;

/**
 * Builds the node's {@link TopologyOperations} from the topology credentials and timeouts. They are read
 * once: a reload that changes the topology credentials takes effect for operations after a restart.
 */
@ApplicationScoped
public class TopologyOperationsProducer {

    @Inject
    CurrentConfiguration configuration;

    @Produces
    @Singleton
    TopologyOperations operations() {
        DiscoverySettings d = configuration.get().discovery();
        return new TopologyOperations(ProbeSettings.basic(d.topologyUser(), d.topologyPassword(),
                d.connectTimeoutSeconds(), d.readTimeoutSeconds()));
    }

    void close(@Disposes TopologyOperations operations) {
        operations.close();
    }
}
