package org.orchestratoree.discovery;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.probe.MariaDbConnectionFactory;
import org.orchestratoree.topology.InstanceKey;

/**
 * Keeps one idle connection open to every master, parked in {@code SELECT SLEEP(...)}. A crashed server closes
 * its connections, so the watcher learns of a crash within milliseconds instead of at the master's next poll,
 * and has the master probed at once. The probe, not the watcher, decides whether the master is down: a
 * watcher only hurries it.
 */
@ApplicationScoped
public class MasterWatch {

    private static final Logger LOG = Logger.getLogger(MasterWatch.class.getName());

    @Resource
    ManagedThreadFactory threads;
    @Inject
    CurrentConfiguration configuration;

    private final Map<InstanceKey, Thread> watchers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Starts watching a master unless already watched.
     *
     * @param stillMaster asked before each wait; the watcher ends when the instance is no longer a master
     * @param onLost called when the connection breaks
     */
    public void watch(InstanceKey master, Predicate<InstanceKey> stillMaster, java.util.function.Consumer<InstanceKey> onLost) {
        if (closed || watchers.containsKey(master)) {
            return;
        }
        Thread thread = threads.newThread(() -> run(master, stillMaster, onLost));
        if (watchers.putIfAbsent(master, thread) == null) {
            thread.setName("master-watch-" + master);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run(InstanceKey master, Predicate<InstanceKey> stillMaster, java.util.function.Consumer<InstanceKey> onLost) {
        try {
            var settings = ProbeProvider.settingsOf(configuration.get().discovery());
            int sleepSeconds = Math.max(1, Math.min(5, settings.readTimeoutSeconds() - 1));
            try (Connection c = new MariaDbConnectionFactory(settings).open(master);
                 Statement s = c.createStatement()) {
                while (!closed && stillMaster.test(master)) {
                    s.execute("SELECT SLEEP(" + sleepSeconds + ")");
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!closed) {
                LOG.info("lost the watch connection to master " + master + ": " + e.getMessage());
                onLost.accept(master);
            }
        } finally {
            watchers.remove(master);
        }
    }

    public int watched() {
        return watchers.size();
    }

    @PreDestroy
    void close() {
        closed = true;
        watchers.values().forEach(Thread::interrupt);
    }
}
