package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.DowntimeRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Downtimes: instances operators expect to misbehave. Recoveries skip them and never promote them. An
 * expired downtime is ignored when read, so no timer has to remove it on time.
 */
@ApplicationScoped
public class DowntimeService {

    /** Orchestrator's MaintenanceExpireMinutes: the length of a downtime begun without a duration. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);

    @Inject
    DowntimeRepository downtimes;
    @Inject
    InstanceRepository instances;
    @Inject
    AuditRepository audit;

    /** The command for a downtime starting now; a zero duration means the default, as in orchestrator. */
    public BeginDowntimeCommand begin(InstanceKey key, String owner, String reason, Duration duration, Instant now) {
        Duration length = duration == null || duration.isZero() ? DEFAULT_DURATION : duration;
        return new BeginDowntimeCommand(Downtime.of(key, owner, reason, now, length));
    }

    public boolean apply(BeginDowntimeCommand command) {
        Downtime d = command.downtime();
        downtimes.begin(d);
        audit.append("begin-downtime", d.key(), clusterOf(d.key()),
                "owner: " + d.owner() + ", reason: " + d.reason());
        return true;
    }

    public boolean apply(EndDowntimeCommand command) {
        boolean ended = downtimes.end(command.key());
        if (ended) {
            audit.append("end-downtime", command.key(), clusterOf(command.key()), "");
        }
        return ended;
    }

    public Optional<Downtime> find(InstanceKey key, Instant now) {
        return downtimes.find(key, now);
    }

    public List<Downtime> active(Instant now) {
        return downtimes.active(now);
    }

    /** The keys analysis treats as downtimed. */
    public Set<InstanceKey> downtimedKeys(Instant now) {
        return active(now).stream().map(Downtime::key).collect(Collectors.toUnmodifiableSet());
    }

    /** Downtimed instances that are known, optionally of one cluster (null for all). */
    public List<Instance> downtimedInstances(String clusterName, Instant now) {
        Set<InstanceKey> keys = downtimedKeys(now);
        List<Instance> all = clusterName == null ? instances.findAll() : instances.findByCluster(clusterName);
        return all.stream().filter(i -> keys.contains(i.key())).toList();
    }

    private String clusterOf(InstanceKey key) {
        return instances.find(key).map(Instance::clusterName).orElse("");
    }
}
