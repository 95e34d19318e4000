package org.orchestratoree.kv.consul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ecwid.consul.v1.ConsulClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orchestratoree.kv.KvPair;
import org.orchestratoree.kv.KvStoreException;
import org.orchestratoree.kv.MasterEntry;
import org.orchestratoree.topology.InstanceKey;

/**
 * The Consul store against the Consul API stand-in, or against a real Consul when {@code CONSUL_HTTP_ADDR} is
 * set (with {@code CONSUL_HTTP_TOKEN} if its ACLs need one): then the assertions on what was written still run,
 * and those needing the stand-in's counters are skipped. Each test writes below its own random root.
 */
class ConsulKvStoreTest {

    private static final String REAL_CONSUL = System.getenv("CONSUL_HTTP_ADDR");

    private ConsulApiStandIn standIn;
    private String address;
    private String token;
    private String root;
    private final List<ConsulKvStore> stores = new ArrayList<>();

    @BeforeEach
    void startConsul() throws IOException {
        root = "orchestratoree-test/" + UUID.randomUUID();
        if (REAL_CONSUL == null || REAL_CONSUL.isBlank()) {
            standIn = ConsulApiStandIn.start();
            address = standIn.address();
            token = "";
        } else {
            address = REAL_CONSUL.replaceFirst("^https?://", "");
            token = Optional.ofNullable(System.getenv("CONSUL_HTTP_TOKEN")).orElse("");
        }
    }

    @AfterEach
    void stopConsul() {
        stores.forEach(ConsulKvStore::close);
        if (standIn != null) {
            standIn.close();
        } else {
            ConsulSettings s = ConsulSettings.plain(address);
            new ConsulClient(s.host(), s.port()).deleteKVValues(root, token.isEmpty() ? null : token);
        }
    }

    @Test
    void plainAndTransactionalProvidersLeaveTheSameKeys() {
        List<KvPair> plainPairs = clusters(root + "/plain", 3, "db");
        List<KvPair> txnPairs = clusters(root + "/txn", 3, "db");
        store(plain()).put(plainPairs);
        store(txn(5)).put(txnPairs);

        ConsulKvStore reader = store(plain());
        for (int i = 0; i < plainPairs.size(); i++) {
            assertEquals(Optional.of(plainPairs.get(i).value()), reader.get(plainPairs.get(i).key()));
            assertEquals(Optional.of(txnPairs.get(i).value()), reader.get(txnPairs.get(i).key()));
            assertEquals(plainPairs.get(i).value(), txnPairs.get(i).value());
        }
        assertEquals(Optional.of(""), reader.get(root + "/txn/cluster1/ipv6"), "an empty value reads as empty");
        assertEquals(Optional.empty(), reader.get(root + "/txn/nosuchcluster"));
    }

    @Test
    void threeClustersWithFiveKeysPerTransactionAreThreeWriteTransactions() {
        assertEquals(15, store(txn(5)).putIn(null, clusters(root, 3, "db")));
        assumeStandIn();
        assertEquals(3, standIn.writeTransactions());
        assertEquals(4, standIn.txnRequests(), "one read transaction, then the writes");
        assertEquals(15, standIn.writeOps());
    }

    @Test
    void threeClustersWithSixtyFourKeysPerTransactionAreOneWriteTransaction() {
        assertEquals(15, store(txn(64)).putIn(null, clusters(root, 3, "db")));
        assumeStandIn();
        assertEquals(1, standIn.writeTransactions());
        assertEquals(2, standIn.txnRequests());
    }

    @Test
    void aClusterIsNeverSplitAcrossTransactions() {
        // 12 per transaction holds two whole clusters: 20 clusters = 10 transactions of 10 keys, none of 12
        assertEquals(100, store(txn(12)).putIn(null, clusters(root, 20, "db")));
        assumeStandIn();
        assertEquals(10, standIn.writeTransactions());
        assertEquals(100, standIn.writeOps());
        assertEquals(2 + 10, standIn.txnRequests(), "100 keys are read in two transactions of at most 64");
    }

    @Test
    void writingTheSamePairsAgainWritesNothing() {
        ConsulKvStore store = store(txn(5));
        List<KvPair> pairs = clusters(root, 3, "db");
        store.put(pairs);
        resetCounters();

        assertEquals(0, store.putIn(null, pairs));
        assumeStandIn();
        assertEquals(0, standIn.writeOps());
        assertEquals(1, standIn.txnRequests(), "only the read transaction");
    }

    @Test
    void aNewMasterForOneClusterWritesOnlyItsChangedKeysInOneTransaction() {
        ConsulKvStore store = store(txn(5));
        store.put(clusters(root, 3, "db"));
        resetCounters();

        List<KvPair> afterFailover = new ArrayList<>(clusters(root, 3, "db"));
        afterFailover.subList(5, 10).clear();
        afterFailover.addAll(5, entry("cluster2", "db2-replica", 3306, "10.0.9.9").pairs(root));

        assertEquals(3, store.putIn(null, afterFailover), "master, hostname and ipv4 change; port and ipv6 do not");
        assertEquals(Optional.of("db2-replica:3306"), store.get(root + "/cluster2"));
        assertEquals(Optional.of("db1:3306"), store.get(root + "/cluster1"));
        assumeStandIn();
        assertEquals(1, standIn.writeTransactions());
        assertEquals(3, standIn.writeOps());
    }

    @Test
    void aMissingKeyIsWrittenWithoutRewritingTheKeysThatExist() {
        List<KvPair> pairs = clusters(root, 3, "db");
        String missing = root + "/cluster2/ipv6";
        store(plain()).put(pairs.stream().filter(p -> !p.key().equals(missing)).toList());
        resetCounters();

        // Consul's "get" fails the whole read transaction on a missing key: the store reads the rest again
        assertEquals(1, store(txn(5)).putIn(null, pairs));
        assertEquals(Optional.of(""), store(plain()).get(missing));
        assumeStandIn();
        assertEquals(3, standIn.txnRequests(), "a rolled-back read, the read again without the missing key, a write");
        assertEquals(1, standIn.writeOps());
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsulSettings.PROVIDER_PLAIN, ConsulSettings.PROVIDER_TXN})
    void crossDataCenterDistributionWritesEveryDataCenterTheCatalogLists(String provider) {
        if (standIn != null) {
            standIn.dataCenters("dc1", "dc2", "dc3");
        }
        ConsulKvStore store = store(new ConsulSettings(address, "http", token, provider, 5, true));
        List<KvPair> pairs = clusters(root, 3, "db");

        List<String> written = store.distributeToAllDataCenters(pairs);

        assertEquals(store.dataCenters(), written);
        for (String dc : written) {
            for (KvPair pair : pairs) {
                assertEquals(Optional.of(pair.value()), store.getIn(dc, pair.key()), pair.key() + " in " + dc);
            }
        }
        assumeStandIn();
        assertEquals(List.of("dc1", "dc2", "dc3"), written);
        for (String dc : written) {
            assertEquals(15, standIn.writeOps(dc), "writes in " + dc);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsulSettings.PROVIDER_PLAIN, ConsulSettings.PROVIDER_TXN})
    void theAclTokenGoesWithEveryRequest(String provider) {
        assumeStandIn();
        standIn.requireToken("s3cret");
        ConsulKvStore store = store(new ConsulSettings(address, "http", "s3cret", provider, 5, true));
        store.distributeToAllDataCenters(clusters(root, 2, "db"));
        assertEquals(Optional.of("db1:3306"), store.get(root + "/cluster1"));
        assertTrue(standIn.tokensSeen().size() >= 3);
        assertTrue(standIn.tokensSeen().stream().allMatch("s3cret"::equals), standIn.tokensSeen().toString());

        ConsulKvStore withoutToken = store(new ConsulSettings(address, "http", "", provider, 5, false));
        KvStoreException refused = assertThrows(KvStoreException.class, () -> withoutToken.put(clusters(root, 1, "x")));
        assertTrue(refused.getMessage().contains("403"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsulSettings.PROVIDER_PLAIN, ConsulSettings.PROVIDER_TXN})
    void aConsulThatIsDownFailsQuicklyNamingItsAddress(String provider) throws IOException {
        ConsulApiStandIn stopped = ConsulApiStandIn.start();
        String downAddress = stopped.address();
        stopped.close();
        ConsulKvStore store = store(new ConsulSettings(downAddress, "http", "", provider, 5, true),
                Duration.ofSeconds(2));

        long started = System.nanoTime();
        KvStoreException failure = assertThrows(KvStoreException.class, () -> store.put(clusters(root, 1, "db")));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000, "failed fast");
        assertTrue(failure.getMessage().startsWith("consul at http://" + downAddress + ": "), failure.getMessage());
        assertThrows(KvStoreException.class, () -> store.get(root + "/cluster1"));
        assertThrows(KvStoreException.class, store::dataCenters);
    }

    @Test
    void theStandInRefusesMoreThanSixtyFourOperationsLikeConsul() {
        assumeStandIn();
        List<KvPair> tooMany = clusters(root, 13, "db");
        try (ConsulConnection connection = new ConsulConnection(plain(), Duration.ofSeconds(2))) {
            ConsulTransactions transactions = new ConsulTransactions(connection.raw(), token);
            RuntimeException refused = assertThrows(RuntimeException.class, () -> transactions.write(null, tooMany));
            String described = ConsulConnection.describe(refused);
            assertTrue(described.contains("413 Transaction contains too many operations (65 > 64)"), described);
        }
        assertEquals(Optional.empty(), store(plain()).get(tooMany.get(0).key()), "a refused transaction applies nothing");
    }

    private void assumeStandIn() {
        assumeTrue(standIn != null, "needs the Consul API stand-in's counters");
    }

    private void resetCounters() {
        if (standIn != null) {
            standIn.resetCounters();
        }
    }

    private ConsulSettings plain() {
        return ConsulSettings.plain(address).withAclToken(token);
    }

    private ConsulSettings txn(int maxKVsPerTransaction) {
        return ConsulSettings.transactional(address, maxKVsPerTransaction).withAclToken(token);
    }

    private ConsulKvStore store(ConsulSettings settings) {
        return store(settings, Duration.ofSeconds(5));
    }

    private ConsulKvStore store(ConsulSettings settings, Duration timeout) {
        ConsulKvStore store = new ConsulKvStore(settings, timeout);
        stores.add(store);
        return store;
    }

    /** {@code count} clusters {@code cluster1..n}, mastered by {@code <host>1:3306..}, each five keys. */
    private static List<KvPair> clusters(String prefix, int count, String host) {
        List<KvPair> pairs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pairs.addAll(entry("cluster" + i, host + i, 3306, "10.0.0." + i).pairs(prefix));
        }
        return pairs;
    }

    private static MasterEntry entry(String alias, String host, int port, String ipv4) {
        return new MasterEntry(alias, new InstanceKey(host, port), ipv4, "");
    }
}
