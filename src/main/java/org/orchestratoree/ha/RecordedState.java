package org.orchestratoree.ha;

import java.util.Optional;

/**
 * What records built on this node (downtimes, recoveries and their steps, detections, KV entries, ...), as an
 * HA strategy needs it: the leader ships what it wrote outside the log (a {@link ServerAction} it ran, a
 * recovery it started on its own) as one {@link RecordedOutcome}, and snapshots carry all of it.
 */
public interface RecordedState {

    /** From now on, changes are measured against what this node holds now. */
    void markShared();

    /** What this node recorded since the last mark, as one outcome for the others to apply; marks again. */
    Optional<RecordedOutcome> takeChanges();

    /** Applies another node's recorded outcome to this node's backend. */
    void apply(RecordedOutcome outcome);

    /** Everything a node needs to rebuild its state. */
    byte[] snapshot();

    /** Replaces this node's state with a snapshot's. */
    void install(byte[] snapshot);
}
