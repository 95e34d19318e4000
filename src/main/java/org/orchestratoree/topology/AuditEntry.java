package org.orchestratoree.topology;

import java.time.Instant;

/** One line of the audit trail: what was done, to which instance, when. */
public record AuditEntry(long id, Instant timestamp, String type, InstanceKey key, String clusterName, String message) {
}
