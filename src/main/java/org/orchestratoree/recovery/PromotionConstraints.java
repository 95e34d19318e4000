package org.orchestratoree.recovery;

/**
 * The configuration that limits which replica may replace a failed master.
 *
 * @param failOnLagMinutes 0 for no limit (FailMasterPromotionOnLagMinutes)
 */
public record PromotionConstraints(boolean preventCrossDataCenter, boolean preventCrossRegion, int failOnLagMinutes) {
    public static final PromotionConstraints NONE = new PromotionConstraints(false, false, 0);
}
