package org.orchestratoree.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code kv_store} table behind the internal key-value store. */
public final class KvRepository {

    private final Backend backend;
    private final String upsert;

    public KvRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("kv_store", List.of("store_key"),
                List.of("store_key", "store_value", "last_updated"));
    }

    /** Writes the entries in one transaction, so that a cluster's keys never show half an old master. */
    public void put(Map<String, String> entries) {
        long now = System.currentTimeMillis();
        Jdbc.run(backend, "write " + entries.size() + " kv entries", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var p = c.prepareStatement(upsert)) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    p.setString(1, e.getKey());
                    p.setString(2, e.getValue());
                    p.setLong(3, now);
                    p.executeUpdate();
                }
                c.commit();
            } catch (java.sql.SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    public Optional<String> get(String key) {
        return Jdbc.query(backend, "read kv entry " + key, "SELECT store_value FROM kv_store WHERE store_key = ?",
                rs -> rs.getString(1), key).stream().findFirst();
    }

    /** Every entry, by key. */
    public Map<String, String> all() {
        Map<String, String> entries = new LinkedHashMap<>();
        Jdbc.query(backend, "read kv entries", "SELECT store_key, store_value FROM kv_store ORDER BY store_key",
                rs -> entries.put(rs.getString(1), rs.getString(2)));
        return entries;
    }
}
