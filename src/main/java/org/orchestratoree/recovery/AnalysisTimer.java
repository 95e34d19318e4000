package org.orchestratoree.recovery;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.InstanceUnreachable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs failure detection every {@code RecoveryPollSeconds} (read at each tick, so a reload applies at once),
 * never two passes at once. When an
 * instance with replicas stops answering, passes run every 100 ms for a few seconds instead: its replicas are
 * being re-probed right then, and their verdict should be acted on as soon as it is in.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnalysisTimer {

    private static final Logger LOG = Logger.getLogger(AnalysisTimer.class.getName());
    static final long URGENT_TICK_MILLIS = 100;
    static final long URGENT_PERIOD_MILLIS = 5000;

    @Resource
    TimerService timers;
    @Inject
    FailureDetector detector;
    @Inject
    CurrentConfiguration configuration;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AnalysisPace pace = new AnalysisPace();

    public void start() {
        timers.createIntervalTimer(URGENT_TICK_MILLIS, URGENT_TICK_MILLIS, new TimerConfig("analysis", false));
    }

    public void onUnreachable(@Observes InstanceUnreachable event) {
        pace.urgentUntil(System.currentTimeMillis() + URGENT_PERIOD_MILLIS);
    }

    @Timeout
    void tick() {
        long now = System.currentTimeMillis();
        if (!pace.due(now, configuration.get().recovery().recoveryPollSeconds() * 1000L)) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        pace.passStarted(now);
        try {
            detector.detect();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failure detection pass failed: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }
}
