package org.orchestratoree.topology;

import java.time.Duration;
import java.time.Instant;

/**
 * When an instance was last probed, last answered, and whether the last probe succeeded.
 *
 * @param lastChecked time of the last completed probe attempt that reached a verdict, null if never
 * @param lastSeen time of the last successful probe, null if never
 * @param lastAttemptedCheck time the last probe started, null if never
 */
public record CheckTimes(Instant lastChecked, Instant lastSeen, Instant lastAttemptedCheck,
                         boolean lastCheckValid, long lastDiscoveryLatencyMillis) {

    public static final CheckTimes NEVER = new CheckTimes(null, null, null, false, 0);

    /** Orchestrator's IsUpToDate: whole seconds since the last check at most one poll interval. */
    public boolean upToDate(Instant now, Duration pollInterval) {
        return lastChecked != null && Duration.between(lastChecked, now).toSeconds() <= pollInterval.toSeconds();
    }

    /** Orchestrator's IsRecentlyChecked: whole seconds since the last check at most five poll intervals. */
    public boolean recentlyChecked(Instant now, Duration pollInterval) {
        return lastChecked != null
                && Duration.between(lastChecked, now).toSeconds() <= pollInterval.multipliedBy(5).toSeconds();
    }

    /** Null when the instance was never seen. */
    public Long secondsSinceLastSeen(Instant now) {
        return lastSeen == null ? null : Duration.between(lastSeen, now).toSeconds();
    }
}
