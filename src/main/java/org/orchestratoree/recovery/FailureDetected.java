package org.orchestratoree.recovery;

import java.time.Instant;
import org.orchestratoree.analysis.ReplicationAnalysis;

/** CDI event: the leader found an actionable failure. Recovery observes it. */
public record FailureDetected(ReplicationAnalysis analysis, Instant detectedAt) {
}
