package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Remembers since when each instance's own binlog coordinates have stood where they are, across analysis
 * passes: an instance row holds only its latest probe, and a locked semi-sync master is told from a merely
 * quiet one by how long its binlog has not moved (orchestrator's stale binlog coordinates).
 */
@ApplicationScoped
public class BinlogStandstill {

    private record Seen(BinlogCoordinates coordinates, Instant since) {
    }

    private final Map<InstanceKey, Seen> seen = new HashMap<>();

    /** Records the instances' current coordinates and answers, per instance, since when they have not moved. */
    public synchronized Map<InstanceKey, Instant> observe(List<Instance> instances, Instant now) {
        Set<InstanceKey> current = instances.stream().map(Instance::key).collect(Collectors.toSet());
        seen.keySet().retainAll(current);
        Map<InstanceKey, Instant> since = new HashMap<>();
        for (Instance i : instances) {
            BinlogCoordinates coordinates = i.snapshot().selfCoordinates();
            if (coordinates == null || coordinates.equals(BinlogCoordinates.NONE) || !i.checks().lastCheckValid()) {
                seen.remove(i.key());
                continue;
            }
            Seen last = seen.get(i.key());
            if (last == null || !last.coordinates().equals(coordinates)) {
                last = new Seen(coordinates, now);
                seen.put(i.key(), last);
            }
            since.put(i.key(), last.since());
        }
        return since;
    }
}
