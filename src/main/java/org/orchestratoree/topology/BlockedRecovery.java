package org.orchestratoree.topology;

import java.time.Instant;

/** A recovery that did not run because an earlier one on the same instance or cluster is still in its active period. */
public record BlockedRecovery(InstanceKey key, String clusterName, String analysis, Instant lastBlocked,
                              long blockingRecoveryId) {
}
