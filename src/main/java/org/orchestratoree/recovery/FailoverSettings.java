package org.orchestratoree.recovery;

import java.time.Duration;

/**
 * How a master failover chooses and promotes, read once when it starts so that a reload cannot change it
 * midway. Hooks are the coordinator's business, not the promotion's.
 */
public record FailoverSettings(
        PromotionConstraints constraints,
        boolean failIfSqlThreadNotUpToDate,
        boolean applyPromotion,
        Duration relayLogWait) {
}
