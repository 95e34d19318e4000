package org.orchestratoree.discovery;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.topology.InstanceKey;

/**
 * Paces discovery. A short, non-persistent EJB interval timer hands the instances that are due to a bounded
 * managed executor; since every instance keeps its own phase in the {@link PollSchedule}, a tick finds only
 * the few that fall due in it, and probes spread over the poll interval. At most
 * {@code DiscoveryMaxConcurrency} probes run at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedExecutorDefinition(name = "java:app/concurrent/discovery", maxAsync = 64)
public class DiscoveryTimer {

    private static final Logger LOG = Logger.getLogger(DiscoveryTimer.class.getName());
    static final long TICK_MILLIS = 100;
    private static final long FORGET_UNSEEN_EVERY_MILLIS = 3_600_000;

    @Resource
    TimerService timers;
    @Resource(lookup = "java:app/concurrent/discovery")
    ManagedExecutorService executor;
    @Inject
    DiscoveryService discovery;
    @Inject
    CurrentConfiguration configuration;

    private volatile Semaphore permits;
    private volatile int permitCount;
    private volatile long lastForgetUnseen = System.currentTimeMillis();

    public void start() {
        discovery.start();
        timers.createIntervalTimer(0, TICK_MILLIS, new TimerConfig("discovery", false));
    }

    @Timeout
    void tick(Timer timer) {
        Semaphore available = permits();
        int free = available.availablePermits();
        if (free == 0) {
            return;
        }
        // take what falls due before the next tick too, so that ticks do not stretch the poll interval
        List<InstanceKey> due = discovery.schedule().takeDue(Instant.now().plusMillis(TICK_MILLIS / 2), free);
        for (InstanceKey key : due) {
            if (!available.tryAcquire()) {
                discovery.schedule().release(key);
                continue;
            }
            try {
                executor.execute(() -> {
                    try {
                        discovery.pollScheduled(key);
                    } finally {
                        available.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                available.release();
                discovery.schedule().release(key);
                LOG.warning("discovery executor rejected " + key + "; retrying on the next tick");
            }
        }
        maybeForgetUnseen();
    }

    private Semaphore permits() {
        int wanted = configuration.get().discovery().maxConcurrency();
        if (permits == null || wanted != permitCount) {
            // a reload that changes DiscoveryMaxConcurrency takes effect for probes started from now on
            permitCount = wanted;
            permits = new Semaphore(wanted);
        }
        return permits;
    }

    private void maybeForgetUnseen() {
        long now = System.currentTimeMillis();
        if (now - lastForgetUnseen >= FORGET_UNSEEN_EVERY_MILLIS) {
            lastForgetUnseen = now;
            executor.execute(discovery::forgetUnseen);
        }
    }
}
