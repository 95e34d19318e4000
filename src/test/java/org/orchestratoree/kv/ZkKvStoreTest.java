package org.orchestratoree.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real, in-process ZooKeeper. */
class ZkKvStoreTest {

    private TestingServer zk;
    private ZkKvStore store;

    @BeforeEach
    void start() throws Exception {
        zk = new TestingServer(true);
        store = new ZkKvStore(zk.getConnectString(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        zk.close();
    }

    @Test
    void putCreatesParentsAndOverwrites() {
        store.put(List.of(new KvPair("mysql/master/c1", "db1:3306"), new KvPair("mysql/master/c1/port", "3306"),
                new KvPair("mysql/master/c1/ipv6", "")));
        assertEquals(Optional.of("db1:3306"), store.get("mysql/master/c1"));
        assertEquals(Optional.of("3306"), store.get("/mysql/master/c1/port"));
        assertEquals(Optional.of(""), store.get("mysql/master/c1/ipv6"));
        store.put(List.of(new KvPair("mysql/master/c1", "db2:3306")));
        assertEquals(Optional.of("db2:3306"), store.get("mysql/master/c1"));
        assertEquals(Optional.empty(), store.get("mysql/master/other"));
    }

    @Test
    void aBatchIsOneTransactionOverExistingAndNewNodes() throws Exception {
        store.put(List.of(new KvPair("a/b/c", "1")));
        store.put(List.of(new KvPair("a/b/c", "2"), new KvPair("a/b/c/d", "3"), new KvPair("x/y", "4")));
        assertEquals(Optional.of("2"), store.get("a/b/c"));
        assertEquals(Optional.of("3"), store.get("a/b/c/d"));
        assertEquals(Optional.of("4"), store.get("x/y"));
        assertEquals(Optional.of(""), store.get("x"));
    }

    @Test
    void aDeadZooKeeperFailsFastWithTheStoreNamed() throws Exception {
        zk.stop();
        long start = System.nanoTime();
        KvStoreException e = assertThrows(KvStoreException.class,
                () -> store.put(List.of(new KvPair("mysql/master/c1", "db1:3306"))));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(seconds < 10, "took " + seconds + "s");
        assertTrue(e.getMessage().startsWith("zk: "), e.getMessage());
    }

    @Test
    void aRestartedZooKeeperIsWrittenAgain() throws Exception {
        store.put(List.of(new KvPair("k", "1")));
        zk.restart();
        store.put(List.of(new KvPair("k", "2")));
        assertEquals(Optional.of("2"), store.get("k"));
    }
}
