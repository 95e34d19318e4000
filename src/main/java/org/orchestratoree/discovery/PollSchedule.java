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
 * interval (the next probe is due exactly one interval after the previous one was due), so probes stay spread
 * over the interval instead of bunching into bursts, and the poll rate does not drift with the tick length.
 * An instance is never handed out twice at once.
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
     * Records that the probe of an instance ended: the next one is due one interval after this one was due,
     * or now if the node fell a whole interval behind (a slow probe, a pause).
     */
    public void completed(InstanceKey key, Duration interval, Instant now) {
        nextDue.computeIfPresent(key, (k, due) -> {
            Instant next = due.plus(interval);
            return next.isBefore(now) ? now : next;
        });
        inFlight.remove(key);
    }

    /** Hands an instance back without probing it; it stays due and is taken again on the next tick. */
    public void release(InstanceKey key) {
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
