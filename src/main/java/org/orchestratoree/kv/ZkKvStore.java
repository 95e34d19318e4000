package org.orchestratoree.kv;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;

/**
 * ZooKeeper as a KV store: key {@code mysql/master/alias} is the znode {@code /mysql/master/alias}, its data the
 * value. Parents are created as needed. Timeouts are short and there is a single retry, so that a dead
 * ZooKeeper fails a write within seconds instead of holding up a failover.
 */
public final class ZkKvStore implements KvStore, AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final String servers;
    private final Duration timeout;
    private final CuratorFramework client;

    /** @param servers ZkAddress: comma-separated {@code host:port} list */
    public ZkKvStore(String servers, Duration timeout) {
        this.servers = servers;
        this.timeout = timeout;
        int millis = (int) timeout.toMillis();
        this.client = CuratorFrameworkFactory.builder()
                .connectString(servers)
                .connectionTimeoutMs(millis)
                // ZooKeeper needs a session at least twice its tick; it is only the lifetime of our own session
                .sessionTimeoutMs(Math.max(millis * 2, 4000))
                .retryPolicy(new RetryOneTime(200))
                // parents created on the way hold no value (Curator would store this host's address)
                .defaultData(new byte[0])
                .build();
        client.start();
    }

    public ZkKvStore(String servers) {
        this(servers, DEFAULT_TIMEOUT);
    }

    @Override
    public String name() {
        return "zk";
    }

    static String path(String key) {
        String k = key;
        while (k.startsWith("/")) {
            k = k.substring(1);
        }
        return "/" + k;
    }

    @Override
    public Optional<String> get(String key) {
        connected();
        try {
            byte[] data = client.getData().forPath(path(key));
            return Optional.of(data == null ? "" : new String(data, StandardCharsets.UTF_8));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public void put(List<KvPair> pairs) {
        connected();
        for (KvPair pair : pairs) {
            String path = path(pair.key());
            byte[] data = pair.value().getBytes(StandardCharsets.UTF_8);
            try {
                try {
                    client.setData().forPath(path, data);
                } catch (KeeperException.NoNodeException e) {
                    client.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
                }
            } catch (Exception e) {
                throw failure("write " + pair.key(), e);
            }
        }
    }

    /** Waits for a connection at most the timeout, so that an unreachable ensemble fails at once and clearly. */
    private void connected() {
        try {
            if (!client.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KvStoreException("zk: no connection to " + servers + " within " + timeout.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KvStoreException("zk: interrupted while connecting to " + servers, e);
        }
    }

    private KvStoreException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new KvStoreException("zk: cannot " + what + " on " + servers + ": " + e, e);
    }

    @Override
    public void close() {
        client.close();
    }
}
