package org.orchestratoree.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Whether the node is ready to serve: start-up finished (configuration valid, backend open and migrated,
 * discovery running) and the web application itself initialised. Payara runs the start-up EJB before it
 * loads the web module at "/", and requests in between may reach the server's default module instead.
 */
@ApplicationScoped
public class NodeState {

    private volatile boolean startupDone;
    private volatile boolean webReady;

    public boolean started() {
        return startupDone && webReady;
    }

    void markStarted() {
        startupDone = true;
    }

    void onWebApplicationReady(@Observes @Initialized(ApplicationScoped.class) Object context) {
        webReady = true;
    }
}
