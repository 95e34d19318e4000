package org.orchestratoree.topology;

import java.time.Instant;

/**
 * What operators said about an instance, beside what its probes found: an active downtime and a registered
 * promotion rule, either possibly absent (null).
 */
public record InstanceAnnotations(Downtime downtime, CandidateRegistration candidate) {

    public static final InstanceAnnotations NONE = new InstanceAnnotations(null, null);

    public boolean downtimed(Instant now) {
        return downtime != null && downtime.active(now);
    }

    /** Orchestrator's rule for an instance nobody registered is {@code neutral}. */
    public PromotionRule promotionRule(Instant now) {
        return candidate != null && candidate.active(now) ? candidate.rule() : PromotionRule.NEUTRAL;
    }

    /** Orchestrator calls an instance a candidate when it is registered as {@code must} or {@code prefer}. */
    public boolean isCandidate(Instant now) {
        PromotionRule rule = promotionRule(now);
        return rule == PromotionRule.MUST || rule == PromotionRule.PREFER;
    }
}
