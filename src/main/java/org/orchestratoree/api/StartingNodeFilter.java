package org.orchestratoree.api;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.orchestratoree.node.NodeState;

/**
 * The HTTP listener opens before start-up has finished; until then every API request gets a JSON 503 rather
 * than a half-initialised answer, and load balancers keep the node out.
 */
@Provider
@PreMatching
public class StartingNodeFilter implements ContainerRequestFilter {

    @Inject
    NodeState node;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!node.started()) {
            request.abortWith(Envelope.error(503, "Node is starting", JsonValue.NULL));
        }
    }
}
