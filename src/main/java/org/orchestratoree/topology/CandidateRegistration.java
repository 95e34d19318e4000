package org.orchestratoree.topology;

import java.time.Instant;
import java.util.Objects;

/**
 * A promotion rule registered for an instance. Registrations expire (CandidateInstanceExpireMinutes) because
 * they are meant to be renewed periodically by the host itself, e.g. from cron.
 */
public record CandidateRegistration(InstanceKey key, PromotionRule rule, Instant registeredAt, Instant expiresAt) implements java.io.Serializable {

    public CandidateRegistration {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean active(Instant now) {
        return expiresAt.isAfter(now);
    }
}
