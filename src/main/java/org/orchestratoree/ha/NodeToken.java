package org.orchestratoree.ha;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * This node's token for the life of its process, as orchestrator's: nodes of one host share a host name, and
 * a restarted node is a new node.
 */
@ApplicationScoped
public class NodeToken {

    private final String value = UUID.randomUUID().toString();

    public String value() {
        return value;
    }
}
