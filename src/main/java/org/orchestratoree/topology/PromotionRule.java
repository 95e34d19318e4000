package org.orchestratoree.topology;

import java.util.Locale;

/**
 * How welcome an instance is as the successor of a failed master, as registered by {@code register-candidate}.
 * Declared from most to least preferred, so that the natural order sorts candidates.
 */
public enum PromotionRule {
    MUST, PREFER, NEUTRAL, PREFER_NOT, MUST_NOT;

    /** Orchestrator's spelling: {@code prefer}, {@code prefer_not}, ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses orchestrator's spelling (exact, lower case, as orchestrator compares it).
     *
     * @throws IllegalArgumentException with orchestrator's wording when the name is no rule
     */
    public static PromotionRule parse(String text) {
        if (text != null) {
            for (PromotionRule rule : values()) {
                if (rule.toString().equals(text)) {
                    return rule;
                }
            }
        }
        throw new IllegalArgumentException("Invalid CandidatePromotionRule: " + text);
    }
}
