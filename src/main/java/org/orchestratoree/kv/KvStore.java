package org.orchestratoree.kv;

import java.util.List;
import java.util.Optional;

/**
 * A key-value store that proxies read masters from: the internal table, Consul, ZooKeeper. Keys are given
 * without a leading slash ({@code mysql/master/alias}); a store that needs one (ZooKeeper) adds it.
 */
public interface KvStore {

    /** A short name for logs, recovery steps and API answers: {@code internal}, {@code consul}, {@code zk}. */
    String name();

    Optional<String> get(String key);

    /**
     * Writes the pairs, overwriting existing values. A store may group them (Consul transactions); a failure
     * throws {@link KvStoreException} naming the store and the cause.
     */
    void put(List<KvPair> pairs);
}
