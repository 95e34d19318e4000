package org.orchestratoree.node;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.ha.NodeIdentity;
import org.orchestratoree.ha.NodeToken;
import org.orchestratoree.persistence.BackendUnavailableException;
import org.orchestratoree.persistence.NodeHealthRepository;

/** Writes this node's heartbeat to {@code node_health} every second, as orchestrator's health check does. */
@Singleton
public class NodeHeartbeat {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());
    public static final String APP_VERSION = "0.1.0";

    @Resource
    TimerService timers;
    @Inject
    NodeHealthRepository nodeHealth;
    @Inject
    NodeToken token;
    @Inject
    CurrentConfiguration configuration;

    private final long firstSeen = System.currentTimeMillis();
    private volatile String lastError;

    public void start() {
        timers.createIntervalTimer(0, 1000, new TimerConfig("node-heartbeat", false));
    }

    public String token() {
        return token.value();
    }

    public long firstSeen() {
        return firstSeen;
    }

    /** The error of the last heartbeat, null when it was written. */
    public String lastError() {
        return lastError;
    }

    @Timeout
    void beat() {
        try {
            nodeHealth.heartbeat(NodeIdentity.hostname(), token.value(), firstSeen, APP_VERSION,
                    configuration.get().raft().httpAdvertise());
            lastError = null;
        } catch (BackendUnavailableException e) {
            if (lastError == null) {
                LOG.warning("heartbeat not written: " + e.getMessage());
            }
            lastError = e.getMessage();
        }
    }
}
