package org.orchestratoree.ha.raft;

import java.io.DataInput;
import java.io.DataOutput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.jgroups.raft.StateMachine;
import org.orchestratoree.ha.CommandApplier;
import org.orchestratoree.ha.RecordedOutcome;
import org.orchestratoree.ha.RecordedState;
import org.orchestratoree.ha.Serialized;

/**
 * Applies each committed entry on this member: a command through the node's applier, a recorded outcome to
 * the backend (except on the member that recorded it), a leader's announcement to the map of API URLs.
 * A snapshot is the recorded state plus that map.
 */
final class RaftStateMachine implements StateMachine {

    private static final Logger LOG = Logger.getLogger(RaftStateMachine.class.getName());

    /** What applying an entry of this member's own gave, waiting for its publisher to collect it. */
    record Applied(Object result, RuntimeException failure) {
    }

    private final String self;
    private final CommandApplier applier;
    private final RecordedState recorded;
    private final Consumer<RecordedOutcome> onOutcome;
    private final Map<Long, Applied> results = new ConcurrentHashMap<>();
    private final Map<String, String> apiUrls = new ConcurrentHashMap<>();

    RaftStateMachine(String self, CommandApplier applier, RecordedState recorded, Consumer<RecordedOutcome> onOutcome) {
        this.self = self;
        this.applier = applier;
        this.recorded = recorded;
        this.onOutcome = onOutcome;
    }

    @Override
    public byte[] apply(byte[] data, int offset, int length, boolean serializeResponse) {
        LogEntry entry;
        try {
            entry = (LogEntry) Serialized.value(data, offset, length);
        } catch (RuntimeException e) {
            // an entry this version cannot read must not stop the group; it is skipped here and logged
            LOG.severe("raft: skipped an unreadable log entry: " + e.getMessage());
            return null;
        }
        Applied applied;
        try {
            applied = new Applied(applyEntry(entry), null);
        } catch (RuntimeException e) {
            applied = new Applied(null, e);
            if (!self.equals(entry.origin())) {
                LOG.warning("raft: " + entry.command().name() + " from " + entry.origin() + " failed here: "
                        + e.getMessage());
            }
        }
        if (self.equals(entry.origin())) {
            results.put(entry.number(), applied);
        }
        return null;
    }

    private Object applyEntry(LogEntry entry) {
        if (entry.command() instanceof LeaderAnnounced a) {
            apiUrls.put(a.raftId(), a.httpAdvertise());
            return null;
        }
        if (entry.command() instanceof RecordedOutcome outcome) {
            if (!self.equals(entry.origin())) {
                recorded.apply(outcome);
                onOutcome.accept(outcome);
            }
            return null;
        }
        return applier.apply(entry.command());
    }

    /** The application of this member's entry number {@code number}, once; null when not applied here. */
    Applied collect(long number) {
        return results.remove(number);
    }

    void forget(long number) {
        results.remove(number);
    }

    String apiUrl(String raftId) {
        return apiUrls.get(raftId);
    }

    @Override
    public void writeContentTo(DataOutput out) throws Exception {
        byte[] urls = Serialized.bytes(new java.util.HashMap<>(apiUrls));
        byte[] state = recorded.snapshot();
        out.writeInt(urls.length);
        out.write(urls);
        out.writeInt(state.length);
        out.write(state);
        LOG.info("raft: snapshot written (" + state.length + " bytes of state)");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readContentFrom(DataInput in) throws Exception {
        byte[] urls = new byte[in.readInt()];
        in.readFully(urls);
        byte[] state = new byte[in.readInt()];
        in.readFully(state);
        apiUrls.putAll((Map<String, String>) Serialized.value(urls, 0, urls.length));
        recorded.install(state);
        LOG.info("raft: snapshot installed (" + state.length + " bytes of state)");
    }
}
