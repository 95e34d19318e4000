package org.orchestratoree.topology;

import java.time.Instant;

/** One line of a recovery's own log ({@code audit-recovery-steps}), in the order it happened. */
public record RecoveryStep(long id, String recoveryUid, Instant auditAt, String message) {
}
