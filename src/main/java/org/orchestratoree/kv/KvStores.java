package org.orchestratoree.kv;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.KvSettings;
import org.orchestratoree.kv.consul.ConsulKvStore;
import org.orchestratoree.kv.consul.ConsulSettings;
import org.orchestratoree.persistence.KvRepository;

/**
 * This node's KV stores: the internal one, then the external ones its configuration names. They are built
 * once, on first use, as orchestrator does: a configuration reload does not reconnect them.
 */
@ApplicationScoped
public class KvStores {

    private static final Logger LOG = Logger.getLogger(KvStores.class.getName());

    @Inject
    CurrentConfiguration configuration;
    @Inject
    KvRepository entries;

    private volatile InternalKvStore internal;
    private volatile List<KvStore> external;

    public InternalKvStore internal() {
        init();
        return internal;
    }

    /** Consul and ZooKeeper, those configured, in that order. */
    public List<KvStore> external() {
        init();
        return external;
    }

    private synchronized void init() {
        if (internal != null) {
            return;
        }
        KvSettings settings = configuration.get().kv();
        List<KvStore> stores = new ArrayList<>();
        consul(settings).ifPresent(stores::add);
        if (settings.zooKeeperEnabled()) {
            stores.add(new ZkKvStore(String.join(",", settings.zkServers())));
        }
        external = List.copyOf(stores);
        internal = new InternalKvStore(entries);
        LOG.info("kv stores: internal" + external.stream().map(s -> ", " + s.name()).reduce("", String::concat));
    }

    /** The Consul store when ConsulAddress is set (plain or transactional, per ConsulKVStoreProvider). */
    Optional<KvStore> consul(KvSettings settings) {
        if (!settings.consulEnabled()) {
            return Optional.empty();
        }
        return Optional.of(new ConsulKvStore(new ConsulSettings(settings.consulAddress(), settings.consulScheme(),
                settings.consulAclToken(), settings.consulProvider(), settings.consulMaxKvsPerTransaction(),
                settings.consulCrossDataCenterDistribution())));
    }

    /** The Consul store, when configured, for the once-a-minute cross data-center distribution. */
    public Optional<ConsulKvStore> consulStore() {
        return external().stream().filter(ConsulKvStore.class::isInstance).map(ConsulKvStore.class::cast).findFirst();
    }

    @PreDestroy
    void close() {
        if (external != null) {
            for (KvStore store : external) {
                if (store instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        LOG.warning("kv store " + store.name() + " did not close: " + e.getMessage());
                    }
                }
            }
        }
    }
}
