package org.orchestratoree.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.InstanceKey;

/**
 * Which {@code DiscoverySeeds} are still to be discovered, and when each is next tried. Every seed is due once
 * per configuration (at start-up and again after each reload); a seed that could not be discovered is due
 * again after the retry interval, until it is.
 */
public final class SeedSchedule {

    private final Map<InstanceKey, Instant> pending = new LinkedHashMap<>();
    private final Map<InstanceKey, Integer> failures = new LinkedHashMap<>();
    private Object configuration;

    /**
     * The seeds due now. A configuration not seen before (compared by identity: a reload builds a new one)
     * makes all of its seeds due at once.
     */
    public synchronized List<InstanceKey> due(Object currentConfiguration, List<InstanceKey> seeds, Instant now) {
        if (currentConfiguration != configuration) {
            configuration = currentConfiguration;
            pending.clear();
            failures.clear();
            seeds.forEach(seed -> pending.put(seed, now));
        }
        List<InstanceKey> due = new ArrayList<>();
        pending.forEach((seed, at) -> {
            if (!at.isAfter(now)) {
                due.add(seed);
            }
        });
        return due;
    }

    public synchronized void discovered(InstanceKey seed) {
        pending.remove(seed);
        failures.remove(seed);
    }

    /** Returns how many times in a row this seed has failed, this one included. */
    public synchronized int failed(InstanceKey seed, Instant now, Duration retryAfter) {
        if (!pending.containsKey(seed)) {
            return 0;
        }
        pending.put(seed, now.plus(retryAfter));
        return failures.merge(seed, 1, Integer::sum);
    }

    public synchronized boolean isPending() {
        return !pending.isEmpty();
    }
}
