package org.orchestratoree.node;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether start-up finished: configuration valid, backend open and migrated, discovery running. */
@ApplicationScoped
public class NodeState {

    private volatile boolean started;

    public boolean started() {
        return started;
    }

    void markStarted() {
        started = true;
    }
}
