package org.orchestratoree.node;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.ha.RecordedOutcome;
import org.orchestratoree.ha.RecordedState;
import org.orchestratoree.ha.Serialized;
import org.orchestratoree.persistence.BackendProducer;
import org.orchestratoree.persistence.RecordedTables;
import org.orchestratoree.topology.InstanceKey;

/** The node's recorded state, read from and written to its own backend's tables. */
@ApplicationScoped
public class BackendRecordedState implements RecordedState {

    private static final Logger LOG = Logger.getLogger(BackendRecordedState.class.getName());

    /** A snapshot: the recorded tables whole, and the instances to poll. */
    record Snapshot(List<RecordedTables.Rows> tables, List<List<Object>> instances) implements Serializable {
    }

    @Inject
    BackendProducer backend;
    @Inject
    DiscoveryService discovery;
    @Resource
    ManagedExecutorService executor;

    private RecordedTables.Image shared;

    private RecordedTables tables() {
        return new RecordedTables(backend.backend());
    }

    @Override
    public synchronized void markShared() {
        shared = tables().image();
    }

    @Override
    public synchronized Optional<RecordedOutcome> takeChanges() {
        RecordedTables tables = tables();
        RecordedTables.Image now = tables.image();
        if (shared == null) {
            shared = now;
            return Optional.empty();
        }
        List<RecordedTables.Change> changes = tables.changes(shared, now);
        shared = now;
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(new RecordedOutcome("", new ArrayList<>(changes)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(RecordedOutcome outcome) {
        tables().apply((List<RecordedTables.Change>) outcome.changes());
    }

    @Override
    public byte[] snapshot() {
        RecordedTables tables = tables();
        return serialize(new Snapshot(tables.all(), tables.instanceKeys()));
    }

    @Override
    public void install(byte[] bytes) {
        Snapshot snapshot = (Snapshot) deserialize(bytes);
        RecordedTables tables = tables();
        tables.replaceAll(snapshot.tables());
        Set<List<Object>> known = new HashSet<>(tables.instanceKeys());
        List<InstanceKey> missing = snapshot.instances().stream().filter(k -> !known.contains(k))
                .map(k -> new InstanceKey((String) k.get(0), ((Number) k.get(1)).intValue())).toList();
        LOG.info("installed a snapshot of " + snapshot.tables().size() + " tables; " + missing.size()
                + " instances to discover");
        if (!missing.isEmpty()) {
            // probes take seconds; the raft thread that installs the snapshot must not wait for them
            executor.execute(() -> discovery.refreshQuietly(missing));
        }
    }

    private static byte[] serialize(Object value) {
        return Serialized.bytes(value);
    }

    private static Object deserialize(byte[] bytes) {
        return Serialized.value(bytes, 0, bytes.length);
    }
}
