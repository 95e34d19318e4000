package org.orchestratoree.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.node.NodeState;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.ha.MembershipHealth;
import org.orchestratoree.persistence.BackendProducer;
import org.orchestratoree.persistence.BackendUnavailableException;

/**
 * Ready once the node serves (start-up done, web application up), the backend answers and every instance
 * known at start-up was probed once: before that, the node's view of the topologies is stale and it must not
 * be trusted with decisions.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    BackendProducer backend;
    @Inject
    DiscoveryService discovery;
    @Inject
    NodeState node;
    @Inject
    Leadership leadership;

    @Override
    public HealthCheckResponse call() {
        boolean backendUp;
        try {
            backendUp = backend.backend().isReachable();
        } catch (BackendUnavailableException e) {
            backendUp = false;
        }
        boolean serving = node.started();
        boolean firstPass = discovery.firstPassDone();
        // a member that cannot take part in its HA group (its backend outside the Galera Primary component, ...)
        boolean member = leadership.ready();
        MembershipHealth group = leadership.health();
        return HealthCheckResponse.named("orchestrator-ee")
                .status(serving && backendUp && firstPass && member)
                .withData("node", serving ? "started" : "starting")
                .withData("backend", backendUp ? "reachable" : "unreachable")
                .withData("firstDiscoveryPass", firstPass ? "done" : "pending")
                .withData("haStrategy", group.strategy())
                .withData("haMember", member ? "healthy" : group.problem())
                .build();
    }
}
