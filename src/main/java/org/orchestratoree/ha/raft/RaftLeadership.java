package org.orchestratoree.ha.raft;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jgroups.JChannel;
import org.jgroups.protocols.raft.Role;
import org.jgroups.raft.RaftHandle;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.RaftSettings;
import org.orchestratoree.ha.Command;
import org.orchestratoree.ha.CommandApplier;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.ConsensusGroup;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.ha.MembershipHealth;
import org.orchestratoree.ha.NotLeaderException;
import org.orchestratoree.ha.RecordedOutcome;
import org.orchestratoree.ha.RecordedState;
import org.orchestratoree.ha.ServerAction;

/**
 * Leadership by a jgroups-raft group (RaftEnabled). Records go through the log and are applied on every
 * member; a {@link ServerAction} runs once, here on the leader, and what it recorded follows as a
 * {@link RecordedOutcome}, as does whatever the leader records on its own (a recovery it started), every
 * second. The leader leads only once its announcement is committed, and again after any pause of this
 * process (SIGSTOP, a long GC): a deposed leader that wakes up learns it from the failed commit and acts on
 * nothing meanwhile.
 */
@ApplicationScoped
@Typed(RaftLeadership.class)
public class RaftLeadership implements Leadership {

    private static final Logger LOG = Logger.getLogger(RaftLeadership.class.getName());
    private static final String GROUP = "orchestrator-raft";
    private static final long COMMIT_TIMEOUT_MILLIS = 10_000;
    private static final long PAUSE_MILLIS = 2_500;
    private static final int JOIN_ATTEMPTS = 3;

    @Inject
    CommandApplier applier;
    @Inject
    RecordedState recorded;
    @Inject
    CurrentConfiguration configuration;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ContextService contexts;

    private volatile RaftSettings settings;
    private volatile JChannel channel;
    private volatile RaftHandle handle;
    private volatile RaftStateMachine machine;
    private volatile RaftConsensusGroup group;
    /** The leader's announcement of this term is committed and no pause happened since. */
    private volatile boolean confirmed;
    private volatile long lastTick = System.currentTimeMillis();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicBoolean confirming = new AtomicBoolean();
    private final AtomicBoolean snapshotDue = new AtomicBoolean();
    private volatile long lastSnapshot;
    private final Object sharing = new Object();
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> sharer;

    @Override
    public synchronized void join() {
        if (channel != null) {
            return;
        }
        settings = configuration.get().raft();
        checkPortFree(settings);
        String self = settings.advertise();
        // the log is applied on JGroups' threads: they get the application's context (naming, class loader)
        // captured here, or the beans they reach could not look up their resources
        machine = new RaftStateMachine(self, contexts.createContextualProxy(applier, CommandApplier.class),
                contexts.createContextualProxy(recorded, RecordedState.class), outcome -> snapshotSoon());
        Exception failure = null;
        for (int attempt = 1; attempt <= JOIN_ATTEMPTS && channel == null; attempt++) {
            JChannel ch = null;
            try {
                ch = new JChannel(new ByteArrayInputStream(RaftStack.xml(settings).getBytes(StandardCharsets.UTF_8)));
                ch.name(self);
                RaftHandle h = new RaftHandle(ch, machine).raftId(self);
                h.addRoleListener(this::roleChanged);
                handle = h;
                ch.connect(GROUP);
                channel = ch;
                group = new RaftConsensusGroup(settings, ch, h, machine);
            } catch (Exception e) {
                // a join refused as a duplicate (our earlier attempt was accepted late) clears once that one leaves
                failure = e;
                LOG.warning("raft: join attempt " + attempt + " failed: " + e.getMessage());
                if (ch != null) {
                    ch.close();
                }
                sleepQuietly(2_000);
            }
        }
        if (channel == null) {
            throw new ConfigurationException("RaftBind = '" + settings.bind() + "': cannot join raft group "
                    + settings.nodes() + " (RaftDataDir " + settings.dataDir() + "): " + failure);
        }
        ticker = scheduler.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        sharer = scheduler.scheduleWithFixedDelay(this::shareRecorded, 1, 1, TimeUnit.SECONDS);
        LOG.info("raft: joined as " + self + ", members " + group.peers() + ", log in " + settings.dataDir());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A taken raft port would otherwise surface as an obscure JGroups bind error. */
    private static void checkPortFree(RaftSettings raft) {
        String host = RaftSettings.host(raft.bind());
        int port = RaftSettings.port(raft.bind());
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ConfigurationException("RaftBind = '" + raft.bind() + "': raft port " + port
                    + " cannot be bound (" + e.getMessage() + "); is another node using it?");
        }
    }

    @Override
    public synchronized void leave() {
        if (ticker != null) {
            ticker.cancel(false);
            sharer.cancel(false);
        }
        group = null;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void roleChanged(Role role) {
        confirmed = false;
        LOG.info("raft: " + settings.advertise() + " is now " + role);
        if (role == Role.Leader) {
            scheduler.execute(this::confirm);
        }
    }

    /** Detects that this process was paused: the ticker runs every 100 ms, unless the process is stopped. */
    private void tick() {
        long now = System.currentTimeMillis();
        if (now - lastTick > PAUSE_MILLIS && confirmed) {
            confirmed = false;
            LOG.warning("raft: this process was paused for " + (now - lastTick) + " ms; confirming leadership");
        }
        lastTick = now;
        RaftHandle h = handle;
        if (h != null && h.isLeader() && !confirmed) {
            scheduler.execute(this::confirm);
        }
    }

    /** Commits this leader's announcement; only a leader of the current term gets it committed. */
    private void confirm() {
        if (!confirming.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!handle.isLeader() || confirmed) {
                return;
            }
            recorded.markShared();
            commit(new LeaderAnnounced(settings.advertise(), settings.httpAdvertise()));
            confirmed = handle.isLeader();
            if (confirmed) {
                LOG.info("raft: " + settings.advertise() + " leads (API " + settings.httpAdvertise() + ")");
            }
        } catch (RuntimeException e) {
            LOG.warning("raft: leadership not confirmed: " + e.getMessage());
        } finally {
            confirming.set(false);
        }
    }

    @Override
    public boolean isLeader() {
        RaftHandle h = handle;
        return h != null && confirmed && h.isLeader();
    }

    @Override
    public Optional<String> leader() {
        return leaderUri().map(u -> {
            URI uri = URI.create(u);
            return uri.getHost() + ":" + uri.getPort();
        });
    }

    @Override
    public Optional<String> leaderUri() {
        RaftConsensusGroup g = group;
        return g == null ? Optional.empty() : g.leaderUri();
    }

    @Override
    public <R> R publish(Command<R> command) {
        if (!isLeader()) {
            throw notLeader();
        }
        if (command instanceof ServerAction) {
            try {
                return applier.apply(command);
            } finally {
                shareRecorded();
                snapshotSoon();
            }
        }
        return commit(command);
    }

    private NotLeaderException notLeader() {
        if (!healthy()) {
            return new NotLeaderException("This node (" + settings.advertise()
                    + ") is not part of a healthy raft group; no change is accepted here");
        }
        return new NotLeaderException("This node (" + settings.advertise() + ") is not the raft leader"
                + leaderId().map(l -> "; the leader is " + l).orElse(""));
    }

    @SuppressWarnings("unchecked")
    private <R> R commit(Command<R> command) {
        long number = numbers.incrementAndGet();
        byte[] bytes;
        try {
            bytes = org.orchestratoree.ha.Serialized.bytes(new LogEntry(settings.advertise(), number, command));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(command.name() + " cannot be replicated: " + e.getMessage(), e);
        }
        try {
            handle.setAsync(bytes, 0, bytes.length).get(COMMIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            machine.forget(number);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new NotLeaderException(command.name() + " was not committed by the raft group: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            machine.forget(number);
            throw new NotLeaderException(command.name() + " was interrupted before its commit");
        } catch (Exception e) {
            machine.forget(number);
            throw new NotLeaderException(command.name() + " was not accepted by the raft group: " + e);
        }
        RaftStateMachine.Applied applied = machine.collect(number);
        if (applied == null) {
            return null;
        }
        if (applied.failure() != null) {
            throw applied.failure();
        }
        return (R) applied.result();
    }

    /** The leader publishes what it recorded outside the log since the last time. */
    private void shareRecorded() {
        synchronized (sharing) {
            try {
                if (!isLeader()) {
                    return;
                }
                Optional<RecordedOutcome> changes = recorded.takeChanges();
                if (changes.isPresent()) {
                    commit(new RecordedOutcome(settings.advertise(), changes.get().changes()));
                    snapshotSoon();
                }
            } catch (RuntimeException e) {
                LOG.warning("raft: recorded changes not shared: " + e.getMessage());
            }
        }
    }

    /**
     * A snapshot a few seconds after a failover or a recorded outcome: a node restarted later loads it instead
     * of replaying the KV writes of that failover from the log.
     */
    private void snapshotSoon() {
        if (snapshotDue.compareAndSet(false, true)) {
            // at most one such snapshot every 30 s: a blocked recovery is recorded again every second
            long delay = Math.max(3_000, lastSnapshot + 30_000 - System.currentTimeMillis());
            scheduler.schedule(() -> {
                snapshotDue.set(false);
                lastSnapshot = System.currentTimeMillis();
                snapshot();
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public MembershipHealth health() {
        RaftConsensusGroup g = group;
        return new MembershipHealth(healthy(), "raft", g == null ? configuration.get().raft().nodes() : g.peers());
    }

    @Override
    public Optional<ConsensusGroup> consensus() {
        return Optional.ofNullable(group);
    }

    private boolean healthy() {
        RaftConsensusGroup g = group;
        return g != null && g.healthy();
    }

    private Optional<String> leaderId() {
        RaftConsensusGroup g = group;
        return g == null ? Optional.empty() : g.leaderAddress();
    }

    private void snapshot() {
        RaftConsensusGroup g = group;
        if (g != null) {
            g.snapshot();
        }
    }
}
