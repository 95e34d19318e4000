package org.orchestratoree.kv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Applies KV writes to this node's stores. A store's failure never stops the others; the pairs it missed are
 * kept (the newest value per key) and written again by {@link #retryPending()}, so that a store that was down
 * during a failover catches up once it is back.
 */
@ApplicationScoped
public class KvWriter {

    private static final Logger LOG = Logger.getLogger(KvWriter.class.getName());

    @Inject
    KvStores stores;

    /** Store name to the pairs it failed to take, key to value. */
    private final Map<String, Map<String, String>> pending = new ConcurrentHashMap<>();

    public KvWriteReport apply(WriteKvCommand command) {
        if (command.pairs().isEmpty()) {
            return KvWriteReport.nothing();
        }
        List<KvStore> targets = new ArrayList<>();
        if (command.includeInternal()) {
            targets.add(stores.internal());
        }
        targets.addAll(stores.external());
        List<String> written = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (KvStore store : targets) {
            try {
                store.put(command.pairs());
                written.add(store.name());
                forget(store.name(), command.pairs(), false);
            } catch (RuntimeException e) {
                failures.put(store.name(), String.valueOf(e.getMessage()));
                remember(store.name(), command.pairs());
                LOG.warning("kv write of " + command.pairs().size() + " keys to " + store.name() + " failed: "
                        + e.getMessage());
            }
        }
        return new KvWriteReport(command.pairs().size(), written, failures);
    }

    /** Writes again what stores missed; returns how many stores caught up. */
    public int retryPending() {
        return retryPendingOf(allStores());
    }

    int retryPendingOf(List<KvStore> candidates) {
        int caughtUp = 0;
        for (KvStore store : candidates) {
            Map<String, String> missed = pending.get(store.name());
            if (missed == null || missed.isEmpty()) {
                continue;
            }
            List<KvPair> pairs = new ArrayList<>();
            new LinkedHashMap<>(missed).forEach((k, v) -> pairs.add(new KvPair(k, v)));
            try {
                store.put(pairs);
                forget(store.name(), pairs, true);
                caughtUp++;
                LOG.info("kv store " + store.name() + " caught up with " + pairs.size() + " keys");
            } catch (RuntimeException e) {
                LOG.fine("kv store " + store.name() + " still failing: " + e.getMessage());
            }
        }
        return caughtUp;
    }

    /** Keys waiting to be written again, by store name. */
    public Map<String, Integer> pendingCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        pending.forEach((store, keys) -> {
            if (!keys.isEmpty()) {
                counts.put(store, keys.size());
            }
        });
        return counts;
    }

    private List<KvStore> allStores() {
        List<KvStore> all = new ArrayList<>();
        all.add(stores.internal());
        all.addAll(stores.external());
        return all;
    }

    private void remember(String store, List<KvPair> pairs) {
        Map<String, String> missed = pending.computeIfAbsent(store, s -> new ConcurrentHashMap<>());
        pairs.forEach(p -> missed.put(p.key(), p.value()));
    }

    /**
     * A key written is no longer pending. A retry only clears the values it wrote, since a newer write may have
     * been missed meanwhile; a fresh write carries the newest value and clears the key.
     */
    private void forget(String store, List<KvPair> pairs, boolean onlySameValue) {
        Map<String, String> missed = pending.get(store);
        if (missed != null) {
            for (KvPair p : pairs) {
                if (onlySameValue) {
                    missed.remove(p.key(), p.value());
                } else {
                    missed.remove(p.key());
                }
            }
        }
    }
}
