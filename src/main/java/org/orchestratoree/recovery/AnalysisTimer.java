package org.orchestratoree.recovery;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs failure detection every second (orchestrator's RecoveryPollSeconds), never two passes at once. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnalysisTimer {

    private static final Logger LOG = Logger.getLogger(AnalysisTimer.class.getName());
    static final long RECOVERY_POLL_MILLIS = 1000;

    @Resource
    TimerService timers;
    @Inject
    FailureDetector detector;

    private final AtomicBoolean running = new AtomicBoolean();

    public void start() {
        timers.createIntervalTimer(RECOVERY_POLL_MILLIS, RECOVERY_POLL_MILLIS, new TimerConfig("analysis", false));
    }

    @Timeout
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            detector.detect();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failure detection pass failed: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }
}
