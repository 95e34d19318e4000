package org.orchestratoree.node;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.persistence.BackendProducer;

/**
 * Ends the node when its backend stays unreachable longer than {@code BackendUnreachableExitSeconds}: a node
 * that cannot record what it sees must not keep answering health checks as if it could.
 */
@Singleton
public class BackendWatchdog {

    private static final Logger LOG = Logger.getLogger(BackendWatchdog.class.getName());

    @Resource
    TimerService timers;
    @Inject
    BackendProducer backend;
    @Inject
    CurrentConfiguration configuration;

    private long unreachableSince;
    private volatile boolean reachable = true;

    public void start() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig("backend-watchdog", false));
    }

    public boolean backendReachable() {
        return reachable;
    }

    @Timeout
    void check() {
        long now = System.currentTimeMillis();
        reachable = backend.backend().isReachable();
        if (reachable) {
            if (unreachableSince != 0) {
                LOG.info("backend " + backend.backend().description() + " is reachable again");
            }
            unreachableSince = 0;
            return;
        }
        if (unreachableSince == 0) {
            unreachableSince = now;
            LOG.warning("backend " + backend.backend().description() + " is unreachable");
        }
        int limit = configuration.get().backend().unreachableExitSeconds();
        if (now - unreachableSince >= limit * 1000L) {
            FatalShutdown.exit("backend " + backend.backend().description() + " unreachable for more than "
                    + limit + "s (BackendUnreachableExitSeconds)");
        }
    }
}
