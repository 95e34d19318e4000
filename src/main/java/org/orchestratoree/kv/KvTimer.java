package org.orchestratoree.kv;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.ha.Leadership;

/**
 * Runs the periodic KV check: once as soon as the first discovery pass is done, then every
 * {@code KVPeriodicCheckSeconds} (a minute, as orchestrator). Every node writes again what its own stores
 * missed; the leader alone decides which masters need publishing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KvTimer {

    private static final Logger LOG = Logger.getLogger(KvTimer.class.getName());
    private static final long TICK_MILLIS = 1000;

    @Resource
    TimerService timers;
    @Inject
    DiscoveryService discovery;
    @Inject
    Leadership leadership;
    @Inject
    KvPublisher publisher;
    @Inject
    KvWriter writer;
    @Inject
    CurrentConfiguration configuration;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastRun;

    public void start() {
        timers.createIntervalTimer(TICK_MILLIS, TICK_MILLIS, new TimerConfig("kv-periodic-check", false));
    }

    /** Cross data-center distribution runs once a minute, whatever the periodic check's own period. */
    private volatile long lastDistribution;

    private void distributeAcrossDataCenters(long now) {
        if (now - lastDistribution < 60_000) {
            return;
        }
        try {
            List<String> dcs = publisher.distributeAcrossDataCenters();
            if (!dcs.isEmpty()) {
                // the minute starts from a distribution that wrote something, not from a pass with no master yet
                lastDistribution = now;
                LOG.info("kv: distributed masters to Consul data centers " + dcs);
            }
        } catch (RuntimeException e) {
            lastDistribution = now;
            LOG.warning("kv: cross data-center distribution failed: " + e.getMessage());
        }
    }

    @Timeout
    void tick(Timer timer) {
        long period = configuration.get().kv().periodicCheckSeconds() * 1000L;
        long now = System.currentTimeMillis();
        if (!discovery.firstPassDone() || (lastRun != 0 && now - lastRun < period)
                || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            lastRun = now;
            writer.retryPending();
            if (leadership.isLeader()) {
                publisher.publishMissing();
                distributeAcrossDataCenters(now);
            }
        } catch (RuntimeException e) {
            // the next period tries again; a store or backend hiccup must not stop the timer
            LOG.warning("kv periodic check failed: " + e.getMessage());
        } finally {
            running.set(false);
        }
    }
}
