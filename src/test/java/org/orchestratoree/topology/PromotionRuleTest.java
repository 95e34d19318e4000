package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromotionRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"must", "prefer", "neutral", "prefer_not", "must_not"})
    void roundTripsOrchestratorsSpelling(String text) {
        assertEquals(text, PromotionRule.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PREFER", "best", "", "prefer-not"})
    void rejectsUnknownRules(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> PromotionRule.parse(text));
        assertEquals("Invalid CandidatePromotionRule: " + text, e.getMessage());
    }

    @Test
    void ordersFromMostToLeastPreferred() {
        assertTrue(PromotionRule.PREFER.compareTo(PromotionRule.NEUTRAL) < 0);
        assertTrue(PromotionRule.NEUTRAL.compareTo(PromotionRule.MUST_NOT) < 0);
    }

    @Test
    void downtimeIsActiveUntilItsEnd() {
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        Downtime d = Downtime.of(new InstanceKey("h", 3306), "me", "why", t, Duration.ofMinutes(10));
        assertTrue(d.active(t.plusSeconds(599)));
        assertTrue(!d.active(t.plusSeconds(600)));
        assertEquals(Duration.ofSeconds(30), d.elapsed(t.plusSeconds(30)));
    }
}
