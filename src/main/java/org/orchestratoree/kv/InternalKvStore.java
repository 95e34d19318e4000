package org.orchestratoree.kv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orchestratoree.persistence.BackendUnavailableException;
import org.orchestratoree.persistence.KvRepository;

/** The node's own store, a table of its backend: always present, and the one the periodic check consults. */
public final class InternalKvStore implements KvStore {

    private final KvRepository entries;

    public InternalKvStore(KvRepository entries) {
        this.entries = entries;
    }

    @Override
    public String name() {
        return "internal";
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return entries.get(key);
        } catch (BackendUnavailableException e) {
            throw new KvStoreException("internal: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(List<KvPair> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        pairs.forEach(p -> map.put(p.key(), p.value()));
        try {
            entries.put(map);
        } catch (BackendUnavailableException e) {
            throw new KvStoreException("internal: " + e.getMessage(), e);
        }
    }

    public Map<String, String> all() {
        return entries.all();
    }
}
