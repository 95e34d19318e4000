package org.orchestratoree.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.probe.ProbeException;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.ClusterAliasRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.ClusterPlacement;
import org.orchestratoree.topology.ClusterPlacementRule;
import org.orchestratoree.topology.ErrantGtidRule;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;

/**
 * Probes instances, records what the probes found and follows masters and replicas until every server of
 * every known topology is polled. Each node runs its own discovery; only the commands that add or drop
 * instances go through the leadership seam.
 */
@ApplicationScoped
public class DiscoveryService {

    private static final Logger LOG = Logger.getLogger(DiscoveryService.class.getName());

    @Inject
    CurrentConfiguration configuration;
    @Inject
    ProbeProvider probes;
    @Inject
    InstanceRepository instances;
    @Inject
    ClusterAliasRepository aliases;
    @Inject
    AuditRepository audit;
    @Inject
    DiscoveryMetrics metrics;
    @Inject
    MasterWatch masterWatch;
    @Inject
    Event<InstanceUnreachable> unreachable;
    @Inject
    ClusterDomainDetection domains;

    private final PollSchedule schedule = new PollSchedule();
    /** Instances known at start-up and not probed since; readiness waits for this to empty. */
    private final Set<InstanceKey> firstPassPending = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /** Loads the known instances into the schedule, their probes spread over one interval. */
    public void start() {
        List<InstanceKey> known = instances.findAll().stream().map(Instance::key).toList();
        firstPassPending.addAll(known);
        schedule.addSpread(known, Instant.now(), pollInterval());
        started = true;
        LOG.info("discovery started with " + known.size() + " known instances, polling every "
                + pollInterval().toSeconds() + "s");
    }

    public boolean firstPassDone() {
        return started && firstPassPending.isEmpty();
    }

    PollSchedule schedule() {
        return schedule;
    }

    /** A user's discover: probe now, synchronously; on success the instance is polled from then on. */
    public Instance discover(InstanceKey key) throws ProbeException {
        Instance instance = poll(key, true);
        audit.append("discover", key, instance.clusterName(), "Discovered " + key);
        return instance;
    }

    /**
     * Probes now, like {@link #discover}, without an audit entry: for callers that just changed the server and
     * audit that change themselves.
     */
    public Instance refresh(InstanceKey key) throws ProbeException {
        return poll(key, true);
    }

    /**
     * Re-probes instances a recovery or a topology change just touched, so that reads show the new state at
     * once. A probe that fails here changes nothing: the instance's next poll records it as usual.
     */
    /**
     * Re-probes an instance after a change made to it, so the answer shows the change; a failed probe is logged
     * and answered empty, since the change itself stands.
     */
    public Optional<Instance> reprobeAfter(String change, InstanceKey key) {
        try {
            return Optional.ofNullable(refresh(key));
        } catch (ProbeException e) {
            LOG.warning("re-probe of " + key + " after " + change + " failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    public void refreshQuietly(Collection<InstanceKey> keys) {
        for (InstanceKey key : keys) {
            try {
                refresh(key);
            } catch (ProbeException | RuntimeException e) {
                LOG.fine("refresh of " + key + " failed: " + e.getMessage());
            }
        }
    }

    public boolean forget(InstanceKey key) {
        schedule.remove(key);
        probes.disconnect(key);
        Optional<Instance> known = instances.find(key);
        boolean deleted = instances.delete(key);
        if (deleted) {
            audit.append("forget", key, known.map(Instance::clusterName).orElse(""), "Forgot " + key);
        }
        return deleted;
    }

    public int forgetCluster(String clusterName) {
        List<Instance> members = instances.findByCluster(clusterName);
        members.forEach(i -> {
            schedule.remove(i.key());
            probes.disconnect(i.key());
        });
        int count = instances.deleteCluster(clusterName);
        aliases.deleteCluster(clusterName);
        domains.forgetCluster(clusterName);
        audit.append("forget-cluster", null, clusterName, "Forgot cluster " + clusterName + " (" + count + " instances)");
        return count;
    }

    /** Probes one scheduled instance; failures are recorded, never thrown. */
    void pollScheduled(InstanceKey key) {
        try {
            poll(key, false);
        } catch (ProbeException e) {
            // already recorded by poll()
        } catch (RuntimeException e) {
            LOG.warning("poll of " + key + " failed: " + e);
        } finally {
            firstPassPending.remove(key);
            schedule.completed(key, pollInterval(), Instant.now());
        }
    }

    private Instance poll(InstanceKey key, boolean userRequest) throws ProbeException {
        Instant started = Instant.now();
        InstanceSnapshot snapshot;
        try {
            snapshot = probes.probe().probe(key);
        } catch (ProbeException e) {
            Instant now = Instant.now();
            metrics.probeFailed(Duration.between(started, now));
            recordFailure(key, started, now, e, userRequest);
            throw e;
        }
        Instant now = Instant.now();
        Duration latency = Duration.between(started, now);
        Optional<Instance> master = snapshot.isReplica() ? instances.find(snapshot.masterKey()) : Optional.empty();
        ClusterPlacement placement = ClusterPlacementRule.placementOf(snapshot, master);
        Instance instance = new Instance(snapshot, placement,
                new CheckTimes(now, now, started, true, latency.toMillis()),
                ErrantGtidRule.lineageOf(snapshot, master, placement.coMaster()));
        Instant writeStart = Instant.now();
        instances.save(instance);
        metrics.probeSucceeded(latency, Duration.between(writeStart, Instant.now()));
        if (schedule.addNow(key, now) && !userRequest) {
            LOG.fine("now polling " + key);
        }
        if (userRequest) {
            schedule.completed(key, pollInterval(), now);
        }
        followNeighbours(snapshot, now);
        if (instance.isMaster()) {
            domains.detect(instance);
            masterWatch.watch(key, this::isStillMaster, this::suspect);
        }
        return instance;
    }

    private void recordFailure(InstanceKey key, Instant started, Instant now, ProbeException e, boolean userRequest) {
        boolean known = instances.markCheckFailed(key, started, now);
        if (!known && !userRequest) {
            // never seen and not answering: stop polling it; a neighbour that names it brings it back
            schedule.remove(key);
        }
        if (known) {
            LOG.fine(key + " probe failed: " + e.getMessage());
            // replicas of an instance that stopped answering are probed at once: they tell whether it is dead
            List<Instance> replicas = instances.findReplicasOf(key);
            replicas.forEach(r -> schedule.expedite(r.key(), now));
            if (!replicas.isEmpty()) {
                LOG.info(key + " did not answer (" + Duration.between(started, now).toMillis() + " ms: "
                        + e.getMessage() + "); re-probing its " + replicas.size() + " replicas now");
                unreachable.fire(new InstanceUnreachable(key, replicas.get(0).clusterName()));
            }
        }
    }

    private void followNeighbours(InstanceSnapshot snapshot, Instant now) {
        if (snapshot.isReplica()) {
            schedule.addNow(snapshot.masterKey(), now);
        }
        snapshot.replicaKeys().forEach(r -> schedule.addNow(r, now));
    }

    /** A watcher lost its connection to a master: probe the master now rather than at its turn. */
    void suspect(InstanceKey master) {
        schedule.expedite(master, Instant.now());
    }

    private boolean isStillMaster(InstanceKey key) {
        return schedule.contains(key) && instances.find(key).map(Instance::isMaster).orElse(false);
    }

    /** Forgets instances unseen for longer than UnseenInstanceForgetHours. */
    public int forgetUnseen() {
        int hours = configuration.get().discovery().unseenInstanceForgetHours();
        int count = instances.deleteUnseenSince(Instant.now().minus(Duration.ofHours(hours)));
        if (count > 0) {
            audit.append("forget-unseen", null, "", "Forgot " + count + " instances unseen for " + hours + "h");
        }
        return count;
    }

    Duration pollInterval() {
        return configuration.get().discovery().pollInterval();
    }
}
