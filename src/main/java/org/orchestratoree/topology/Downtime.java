package org.orchestratoree.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator's statement that an instance is expected to misbehave until {@code end}: analysis still sees
 * it, but recoveries leave it alone and it is never promoted.
 */
public record Downtime(InstanceKey key, String owner, String reason, Instant begin, Instant end) implements java.io.Serializable {

    public Downtime {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
        owner = owner == null ? "" : owner;
        reason = reason == null ? "" : reason;
    }

    public static Downtime of(InstanceKey key, String owner, String reason, Instant begin, Duration duration) {
        return new Downtime(key, owner, reason, begin, begin.plus(duration));
    }

    /** Orchestrator's reason for the downtime a failed master or intermediate master gets after its recovery. */
    public static final String LOST_IN_RECOVERY = "lost-in-recovery";

    /** The downtime of an instance a recovery replaced: a year, so that it is not recovered again meanwhile. */
    public static Downtime lostInRecovery(InstanceKey key, Instant now) {
        return of(key, "orchestrator", LOST_IN_RECOVERY, now, Duration.ofDays(365));
    }

    /** Expired downtimes are simply ignored on read, so nothing has to delete them on time. */
    public boolean active(Instant now) {
        return end.isAfter(now);
    }

    public Duration elapsed(Instant now) {
        return now.isBefore(begin) ? Duration.ZERO : Duration.between(begin, now);
    }
}
