package org.orchestratoree.kv.consul;

import com.ecwid.consul.v1.QueryParams;
import com.ecwid.consul.v1.kv.model.GetValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.orchestratoree.kv.KvPair;
import org.orchestratoree.kv.KvStore;
import org.orchestratoree.kv.KvStoreException;

/**
 * Publishes masters to Consul's KV store, through consul-api. Provider {@code consul} writes each key with its
 * own PUT; provider {@code consul-txn} reads the keys in one transaction and writes only the changed ones,
 * one cluster's keys always in the same transaction. Writes go to the agent's own data center unless one is
 * named; {@link #distributeToAllDataCenters} covers every data center Consul's catalog knows.
 */
public final class ConsulKvStore implements KvStore, AutoCloseable {

    /** Connect and read timeout: a hung Consul must not hold a failover's KV step for long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final ConsulSettings settings;
    private final ConsulConnection connection;
    private final ConsulTransactions transactions;
    private final AtomicBoolean distributing = new AtomicBoolean();

    public ConsulKvStore(ConsulSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    public ConsulKvStore(ConsulSettings settings, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = new ConsulConnection(settings, timeout);
        this.transactions = new ConsulTransactions(connection.raw(), settings.aclToken());
    }

    @Override
    public String name() {
        return "consul";
    }

    public ConsulSettings settings() {
        return settings;
    }

    /** Reads from the agent's own data center; an existing key with an empty value reads as {@code ""}. */
    @Override
    public Optional<String> get(String key) {
        return getIn(null, key);
    }

    public Optional<String> getIn(String dataCenter, String key) {
        try {
            GetValue value = connection.client().getKVValue(key, null, new QueryParams(dataCenter)).getValue();
            if (value == null) {
                return Optional.empty();
            }
            String decoded = value.getDecodedValue();
            return Optional.of(decoded == null ? "" : decoded);
        } catch (RuntimeException e) {
            throw connection.failure("reading " + key + inDataCenter(dataCenter), e);
        }
    }

    /** Writes to the agent's own data center. */
    @Override
    public void put(List<KvPair> pairs) {
        putIn(null, pairs);
    }

    /**
     * Writes the pairs into one data center ({@code null}: the agent's own) and returns how many were written:
     * all of them for provider {@code consul}; only those whose value differs for {@code consul-txn}.
     */
    public int putIn(String dataCenter, List<KvPair> pairs) {
        List<KvPair> distinct = lastValuePerKey(pairs);
        if (distinct.isEmpty()) {
            return 0;
        }
        return settings.transactional() ? putChanged(dataCenter, distinct) : putEach(dataCenter, distinct);
    }

    /** The data centers Consul's catalog lists ({@code /v1/catalog/datacenters}). */
    public List<String> dataCenters() {
        try {
            List<String> dataCenters = connection.client().getCatalogDatacenters().getValue();
            return dataCenters == null ? List.of() : List.copyOf(dataCenters);
        } catch (RuntimeException e) {
            throw connection.failure("listing data centers", e);
        }
    }

    /**
     * Writes the pairs into every data center the catalog lists, for Consul clusters that are local to no
     * orchestrator node ({@code ConsulCrossDataCenterDistribution}). Returns the data centers written. A
     * distribution still running (a slow data center) makes this call return an empty list at once rather
     * than pile up. A failing data center does not stop the others; the failures are thrown at the end.
     */
    public List<String> distributeToAllDataCenters(List<KvPair> pairs) {
        if (!distributing.compareAndSet(false, true)) {
            return List.of();
        }
        try {
            List<String> written = new ArrayList<>();
            List<KvStoreException> failures = new ArrayList<>();
            for (String dataCenter : dataCenters()) {
                try {
                    putIn(dataCenter, pairs);
                    written.add(dataCenter);
                } catch (KvStoreException e) {
                    failures.add(e);
                }
            }
            if (!failures.isEmpty()) {
                KvStoreException failure = connection.failure("distribution failed in " + failures.size()
                        + " data center(s), written to " + written + "; first: " + failures.get(0).getMessage());
                failures.forEach(failure::addSuppressed);
                throw failure;
            }
            return written;
        } finally {
            distributing.set(false);
        }
    }

    private int putEach(String dataCenter, List<KvPair> pairs) {
        for (KvPair pair : pairs) {
            try {
                Boolean stored = connection.client()
                        .setKVValue(pair.key(), pair.value(), null, null, new QueryParams(dataCenter)).getValue();
                if (!Boolean.TRUE.equals(stored)) {
                    throw connection.failure("writing " + pair.key() + inDataCenter(dataCenter) + ": not stored");
                }
            } catch (KvStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                throw connection.failure("writing " + pair.key() + inDataCenter(dataCenter), e);
            }
        }
        return pairs.size();
    }

    /**
     * One read transaction, then write transactions of whole clusters holding only the changed keys. Every
     * transaction is tried even if one fails, so one cluster's trouble does not hold back another's failover.
     */
    private int putChanged(String dataCenter, List<KvPair> pairs) {
        Map<String, String> current;
        try {
            current = transactions.read(dataCenter, pairs.stream().map(KvPair::key).toList());
        } catch (RuntimeException e) {
            throw connection.failure("reading " + pairs.size() + " keys" + inDataCenter(dataCenter), e);
        }
        List<List<KvPair>> changedPerCluster = new ArrayList<>();
        for (List<KvPair> cluster : ClusterKeyGroups.byCluster(pairs)) {
            changedPerCluster.add(cluster.stream().filter(p -> !p.value().equals(current.get(p.key()))).toList());
        }
        int written = 0;
        RuntimeException firstFailure = null;
        List<String> failedKeys = new ArrayList<>();
        for (List<KvPair> txn : ClusterKeyGroups.pack(changedPerCluster, settings.maxKVsPerTransaction())) {
            try {
                transactions.write(dataCenter, txn);
                written += txn.size();
            } catch (RuntimeException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                txn.forEach(p -> failedKeys.add(p.key()));
            }
        }
        if (firstFailure != null) {
            throw connection.failure("writing " + failedKeys + inDataCenter(dataCenter), firstFailure);
        }
        return written;
    }

    private static List<KvPair> lastValuePerKey(List<KvPair> pairs) {
        Map<String, KvPair> byKey = new LinkedHashMap<>();
        for (KvPair pair : pairs) {
            byKey.put(pair.key(), pair);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String inDataCenter(String dataCenter) {
        return dataCenter == null ? "" : " in data center " + dataCenter;
    }

    @Override
    public void close() {
        connection.close();
    }
}
