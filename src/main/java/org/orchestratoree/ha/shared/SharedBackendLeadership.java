package org.orchestratoree.ha.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.ha.ActiveNode;
import org.orchestratoree.ha.Command;
import org.orchestratoree.ha.CommandApplier;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.ha.MembershipHealth;
import org.orchestratoree.ha.NodeIdentity;
import org.orchestratoree.ha.NodeToken;
import org.orchestratoree.ha.NotLeaderException;
import org.orchestratoree.persistence.ActiveNodeRepository;
import org.orchestratoree.persistence.ActiveNodeRepository.ActiveNodeRow;
import org.orchestratoree.persistence.BackendUnavailableException;
import org.orchestratoree.persistence.NodeHealthRepository;

/**
 * Leadership through a backend shared by several nodes (BackendDB mysql without raft): Galera / XtraDB Cluster,
 * InnoDB Cluster behind MySQL Router, or one plain server. The leader holds the {@code active_node} lease and
 * renews it every second; the others try to take it four times a second, which succeeds only once it has
 * expired. Every node sees the same state, so a command is applied on the node that received it, straight to
 * the backend; there is nothing to replicate. A node whose backend cannot take writes for the group (down,
 * outside Galera's Primary component, not ready) neither leads nor changes anything, and says why.
 */
@ApplicationScoped
@Typed(SharedBackendLeadership.class)
public class SharedBackendLeadership implements Leadership {

    private static final Logger LOG = Logger.getLogger(SharedBackendLeadership.class.getName());
    private static final long RENEW_NANOS = 1_000_000_000L;
    private static final long TICK_MILLIS = 250;
    /** How long after being deposed (or giving up) a node leaves the lease to the others. */
    private static final long STAND_ASIDE_NANOS = 1_000_000_000L;

    @Inject
    CommandApplier applier;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    ActiveNodeRepository activeNodes;
    @Inject
    NodeHealthRepository nodeHealth;
    @Inject
    NodeToken token;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Lease lease;
    private volatile String httpAddress;
    private volatile long expireMillis;
    private volatile ActiveNodeRow lastRow;
    private volatile String problem = "not elected yet: the backend has not been asked";
    private volatile long lastContactNanos;
    private long lastRenewalNanos;
    private long standAsideUntil = System.nanoTime();
    private ScheduledFuture<?> ticker;

    @Override
    public synchronized void join() {
        if (ticker != null) {
            return;
        }
        var config = configuration.get();
        expireMillis = config.election().expireMillis();
        httpAddress = config.raft().httpAdvertise();
        lease = new Lease(expireMillis);
        lastContactNanos = System.nanoTime() - lease.expireNanos();
        attempt();
        ticker = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("shared-backend: joined as " + httpAddress + " (token " + token.value() + "), lease expires after "
                + expireMillis + " ms (ActiveNodeExpireSeconds)");
    }

    @Override
    public synchronized void leave() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (lease != null && lease.lost()) {
            try {
                activeNodes.resign(token.value());
            } catch (RuntimeException e) {
                LOG.warning("shared-backend: lease not released at shutdown: " + e.getMessage());
            }
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            synchronized (this) {
                // the holder renews once a second; a follower asks more often, to take over soon after expiry
                if (lease.held() && now - lastRenewalNanos < RENEW_NANOS - TICK_MILLIS * 500_000L) {
                    return;
                }
            }
            attempt();
        } catch (RuntimeException e) {
            LOG.warning("shared-backend: election attempt failed: " + e);
        }
    }

    private synchronized void attempt() {
        long sent = System.nanoTime();
        try {
            Optional<String> clusterProblem = activeNodes.clusterProblem();
            if (clusterProblem.isPresent()) {
                stepDown(clusterProblem.get());
                return;
            }
            ActiveNodeRow row;
            boolean held;
            if (!lease.held() && sent - standAsideUntil < 0) {
                row = activeNodes.read().orElseThrow(() -> new BackendUnavailableException("active_node is empty"));
                held = false;
            } else {
                ActiveNodeRepository.Attempt a = activeNodes.elect(NodeIdentity.hostname(), token.value(), httpAddress,
                        expireMillis);
                row = a.row();
                held = a.held();
            }
            lastRow = row;
            lastContactNanos = sent;
            problem = "";
            if (held) {
                if (!lease.held()) {
                    LOG.info("shared-backend: " + httpAddress + " is the active node");
                }
                lease.renewed(sent);
                lastRenewalNanos = sent;
            } else if (lease.lost()) {
                standAsideUntil = sent + STAND_ASIDE_NANOS;
                LOG.warning("shared-backend: " + httpAddress + " lost the lead to " + describe(row));
            }
        } catch (BackendUnavailableException e) {
            stepDown(e.getMessage());
        }
    }

    private void stepDown(String why) {
        problem = why;
        if (lease.lost()) {
            LOG.warning("shared-backend: " + httpAddress + " stops leading: " + why);
        } else if (!why.equals(lastLoggedProblem)) {
            LOG.warning("shared-backend: " + httpAddress + " cannot take part in the election: " + why);
        }
        lastLoggedProblem = why;
    }

    private String lastLoggedProblem = "";

    private static String describe(ActiveNodeRow row) {
        return row.token().isEmpty() ? "nobody (released)" : row.httpAddress() + " (" + row.hostname() + ")";
    }

    @Override
    public boolean isLeader() {
        Lease l = lease;
        return l != null && l.valid(System.nanoTime());
    }

    /** A row whose lease has run out by the backend's clock names nobody. */
    private Optional<ActiveNodeRow> currentRow() {
        ActiveNodeRow row = lastRow;
        // a row this node could not read again for a whole lease says nothing about who leads now
        if (row == null || System.nanoTime() - lastContactNanos > lease.expireNanos() || row.token().isEmpty() || row.lastSeenActive() < row.backendNow() - expireMillis) {
            return Optional.empty();
        }
        return Optional.of(row);
    }

    @Override
    public Optional<String> leader() {
        return currentRow().map(r -> {
            URI uri = URI.create(r.httpAddress());
            return uri.getHost() + ":" + uri.getPort();
        });
    }

    @Override
    public Optional<ActiveNode> activeNode() {
        return currentRow().map(r -> new ActiveNode(r.hostname(), r.token(), r.httpAddress(), r.firstSeenActive(),
                r.lastSeenActive()));
    }

    /**
     * Applies the command here: the backend is shared, so every node sees the change; a server action runs on
     * the node that received it, as orchestrator runs it.
     */
    @Override
    public <R> R publish(Command<R> command) {
        if (!healthy()) {
            throw new NotLeaderException("This node (" + httpAddress + ") changes nothing: " + problem);
        }
        return applier.apply(command);
    }

    private boolean healthy() {
        return problem.isEmpty() && System.nanoTime() - lastContactNanos < lease.expireNanos();
    }

    @Override
    public MembershipHealth health() {
        boolean healthy = healthy();
        List<String> members;
        try {
            members = nodeHealth.activeSince(System.currentTimeMillis() - 5_000).stream()
                    .map(NodeHealthRepository.NodeHealth::httpAddress).filter(a -> !a.isEmpty()).toList();
        } catch (RuntimeException e) {
            members = List.of();
        }
        String why = healthy ? "" : problem.isEmpty()
                ? "the backend has not answered the election for over " + expireMillis + " ms" : problem;
        return new MembershipHealth(healthy, "shared-backend", members, why);
    }

    @Override
    public boolean ready() {
        return healthy();
    }

    /** Takes the lease now; the lead starts once the previous holder's lease has surely run out. */
    @Override
    public synchronized void grabElection() {
        if (!healthy()) {
            throw new CommandFailedException("Cannot grab the election: " + problem);
        }
        long now = System.nanoTime();
        activeNodes.grab(NodeIdentity.hostname(), token.value(), httpAddress);
        boolean was = lease.held();
        lease.renewed(now);
        lastRenewalNanos = now;
        if (!was) {
            lease.notBefore(now + lease.expireNanos());
        }
        LOG.info("shared-backend: " + httpAddress + " grabbed the election");
    }

    /** Releases the lease: nobody leads until it has run out, then the nodes elect again, this one last. */
    @Override
    public synchronized void reelect() {
        if (!healthy()) {
            throw new CommandFailedException("Cannot ask for a reelection: " + problem);
        }
        activeNodes.release();
        if (lease.lost()) {
            standAsideUntil = System.nanoTime() + lease.expireNanos() + STAND_ASIDE_NANOS;
        }
        LOG.info("shared-backend: " + httpAddress + " asked for a reelection");
    }
}
