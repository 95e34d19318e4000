package org.orchestratoree.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.orchestratoree.topology.InstanceKey;

/**
 * When each known instance is due for its next probe. Each instance keeps its own phase within the poll
 * interval (the next probe is due one interval after the previous one started), so probes stay spread over
 * the interval instead of bunching into bursts. An instance is never handed out twice at once.
 */
public final class PollSchedule {

    private final Map<InstanceKey, Instant> nextDue = new ConcurrentHashMap<>();
    private final Set<InstanceKey> inFlight = ConcurrentHashMap.newKeySet();

    /** Adds instances known at start-up, their first probes spread evenly over one interval. */
    public void addSpread(List<InstanceKey> keys, Instant now, Duration interval) {
        for (int i = 0; i < keys.size(); i++) {
            nextDue.putIfAbsent(keys.get(i), now.plus(interval.multipliedBy(i).dividedBy(keys.size())));
        }
    }

    /** Makes an instance due at once (newly met, or asked for by a user); returns false if already known. */
    public boolean addNow(InstanceKey key, Instant now) {
        return nextDue.putIfAbsent(key, now) == null;
    }

    public boolean contains(InstanceKey key) {
        return nextDue.containsKey(key);
    }

    public void remove(InstanceKey key) {
        nextDue.remove(key);
    }

    /** The most overdue instances first, at most {@code limit}, now marked in flight. */
    public List<InstanceKey> takeDue(Instant now, int limit) {
        List<Map.Entry<InstanceKey, Instant>> due = new ArrayList<>();
        for (Map.Entry<InstanceKey, Instant> e : nextDue.entrySet()) {
            if (!e.getValue().isAfter(now) && !inFlight.contains(e.getKey())) {
                due.add(e);
            }
        }
        due.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        List<InstanceKey> taken = new ArrayList<>();
        for (Map.Entry<InstanceKey, Instant> e : due) {
            if (taken.size() >= limit) {
                break;
            }
            if (inFlight.add(e.getKey())) {
                taken.add(e.getKey());
            }
        }
        return taken;
    }

    /**
     * Records that a probe that started at {@code startedAt} ended. The next one is due one interval after
     * that start, or now if the probe took longer than an interval.
     */
    public void completed(InstanceKey key, Instant startedAt, Duration interval) {
        nextDue.computeIfPresent(key, (k, due) -> startedAt.plus(interval));
        inFlight.remove(key);
    }

    /** Brings the next probe forward to now (a neighbour's failure makes this one urgent). */
    public void expedite(InstanceKey key, Instant now) {
        nextDue.computeIfPresent(key, (k, due) -> due.isAfter(now) ? now : due);
    }

    public int size() {
        return nextDue.size();
    }

    public int inFlightCount() {
        return inFlight.size();
    }
}
