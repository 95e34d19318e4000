package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnalysisPaceTest {

    @Test
    void theFirstPassIsDueAtOnce() {
        assertTrue(new AnalysisPace().due(1_000, 5_000));
    }

    @Test
    void passesFollowTheRecoveryPollInterval() {
        AnalysisPace pace = new AnalysisPace();
        pace.passStarted(10_000);
        assertFalse(pace.due(10_100, 5_000));
        assertFalse(pace.due(14_999, 5_000));
        assertTrue(pace.due(15_000, 5_000));
        // RecoveryPollSeconds reloaded down to 1: the shorter interval applies to the next tick
        assertTrue(pace.due(11_000, 1_000));
    }

    @Test
    void anUrgentPeriodMakesEveryTickDueUntilItEnds() {
        AnalysisPace pace = new AnalysisPace();
        pace.passStarted(10_000);
        pace.urgentUntil(12_000);
        assertTrue(pace.due(10_100, 5_000));
        assertTrue(pace.due(11_900, 5_000));
        pace.passStarted(11_900);
        assertFalse(pace.due(12_000, 5_000), "after the urgent period the regular interval applies again");
        assertTrue(pace.due(16_900, 5_000));
    }
}
