package org.orchestratoree.kv;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * ZooKeeper as a KV store: key {@code mysql/master/alias} is the znode {@code /mysql/master/alias}, its data the
 * value. Parents are created as needed; a batch is written in one transaction. Timeouts are short and there is
 * a single retry, so that a dead ZooKeeper fails a write within seconds instead of holding up a failover.
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

    /**
     * Writes the pairs in one ZooKeeper transaction, so that a watcher never sees a new master with an old
     * port. Missing parents outside the batch are created first; a node created meanwhile by someone else
     * fails the transaction, which is then tried once more.
     */
    @Override
    public void put(List<KvPair> pairs) {
        connected();
        try {
            try {
                transaction(pairs);
            } catch (KeeperException.NodeExistsException | KeeperException.NoNodeException e) {
                transaction(pairs);
            }
        } catch (Exception e) {
            throw failure("write " + pairs.size() + " keys", e);
        }
    }

    private void transaction(List<KvPair> pairs) throws Exception {
        Set<String> batch = new HashSet<>();
        pairs.forEach(p -> batch.add(path(p.key())));
        List<CuratorOp> ops = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (KvPair pair : pairs) {
            String path = path(pair.key());
            byte[] data = pair.value().getBytes(StandardCharsets.UTF_8);
            String parent = ZKPaths.getPathAndNode(path).getPath();
            if (!batch.contains(parent) && !parent.equals("/") && client.checkExists().forPath(parent) == null) {
                try {
                    client.create().creatingParentsIfNeeded().forPath(parent);
                } catch (KeeperException.NodeExistsException e) {
                    // created meanwhile: as good
                }
            }
            if (created.contains(path) || client.checkExists().forPath(path) != null) {
                ops.add(client.transactionOp().setData().forPath(path, data));
            } else {
                ops.add(client.transactionOp().create().forPath(path, data));
                created.add(path);
            }
        }
        client.transaction().forOperations(ops);
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
