package org.orchestratoree.node;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.orchestratoree.config.Configuration;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.DiscoverCommand;
import org.orchestratoree.discovery.SeedSchedule;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InvalidInstanceKeyException;

/**
 * Orchestrator's {@code DiscoverySeeds}: once the node serves, the leader discovers each seed as a user's
 * {@code discover} would (through the leadership seam), and again after every configuration reload. A seed
 * that does not answer is logged and tried again every {@code InstancePollSeconds}; it never holds up start-up.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SeedDiscovery {

    private static final Logger LOG = Logger.getLogger(SeedDiscovery.class.getName());
    private static final long TICK_MILLIS = 500;

    @Resource
    TimerService timers;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    Leadership leadership;
    @Inject
    NodeState node;

    private final SeedSchedule schedule = new SeedSchedule();
    private final AtomicBoolean running = new AtomicBoolean();

    public void start() {
        timers.createIntervalTimer(TICK_MILLIS, TICK_MILLIS, new TimerConfig("discovery-seeds", false));
    }

    @Timeout
    void tick() {
        if (!node.started() || !leadership.isLeader() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Configuration config = configuration.get();
            for (InstanceKey seed : schedule.due(config, seeds(config), Instant.now())) {
                discover(seed, config);
            }
        } finally {
            running.set(false);
        }
    }

    private void discover(InstanceKey seed, Configuration config) {
        try {
            leadership.publish(new DiscoverCommand(seed));
            schedule.discovered(seed);
            LOG.info("DiscoverySeeds: discovered " + seed);
        } catch (RuntimeException e) {
            int failures = schedule.failed(seed, Instant.now(), config.discovery().pollInterval());
            String message = "DiscoverySeeds: " + seed + " could not be discovered (" + e.getMessage()
                    + "); trying again in " + config.discovery().instancePollSeconds() + "s";
            if (failures == 1) {
                LOG.warning(message);
            } else {
                LOG.fine(message);
            }
        }
    }

    private static List<InstanceKey> seeds(Configuration config) {
        List<InstanceKey> keys = new ArrayList<>();
        for (String seed : config.discovery().seeds()) {
            try {
                keys.add(InstanceKey.parse(seed));
            } catch (InvalidInstanceKeyException e) {
                // the configuration checked the form already; a host InstanceKey rejects is reported, not fatal
                LOG.warning("DiscoverySeeds: '" + seed + "' is not an instance key: " + e.getMessage());
            }
        }
        return keys;
    }
}
