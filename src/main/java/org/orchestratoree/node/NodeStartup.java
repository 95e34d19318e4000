package org.orchestratoree.node;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.orchestratoree.config.Configuration;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.DiscoveryTimer;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.kv.KvTimer;
import org.orchestratoree.persistence.BackendProducer;
import org.orchestratoree.persistence.BackendUnavailableException;
import org.orchestratoree.recovery.AnalysisTimer;

/**
 * Brings the node up in order: configuration, backend (opened and migrated), then discovery. A node that
 * cannot have a valid configuration or a reachable backend exits with one message saying why.
 */
@Singleton
@Startup
public class NodeStartup {

    private static final Logger LOG = Logger.getLogger(NodeStartup.class.getName());

    @Inject
    CurrentConfiguration configuration;
    @Inject
    BackendProducer backend;
    @Inject
    DiscoveryTimer discovery;
    @Inject
    BackendWatchdog watchdog;
    @Inject
    NodeHeartbeat heartbeat;
    @Inject
    NodeState state;
    @Inject
    AnalysisTimer analysis;
    @Inject
    KvTimer kv;
    @Inject
    SeedDiscovery seeds;
    @Inject
    Leadership leadership;

    @PostConstruct
    void start() {
        Configuration config;
        try {
            config = configuration.reload(Optional.empty());
        } catch (ConfigurationException e) {
            FatalShutdown.exit("invalid configuration: " + e.getMessage());
            throw e;
        }
        try {
            backend.open(config.backend());
        } catch (BackendUnavailableException e) {
            FatalShutdown.exit(e.getMessage());
            throw e;
        }
        discovery.start();
        try {
            leadership.join();
        } catch (ConfigurationException e) {
            FatalShutdown.exit(e.getMessage());
            throw e;
        }
        watchdog.start();
        heartbeat.start();
        analysis.start();
        kv.start();
        seeds.start();
        state.markStarted();
        LOG.info("orchestrator-ee node is up: backend " + config.backend().describe() + ", listening on "
                + config.listenAddress().host() + ":" + config.listenAddress().port()
                + (config.raft().enabled() ? ", raft member " + config.raft().advertise() : ""));
    }

    @PreDestroy
    void stop() {
        leadership.leave();
    }
}
