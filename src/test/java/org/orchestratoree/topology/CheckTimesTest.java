package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckTimesTest {

    private static final Instant NOW = TestInstances.NOW;
    private static final Duration POLL = Duration.ofSeconds(5); // InstancePollSeconds 5

    private static CheckTimes checkedAgo(Duration ago) {
        Instant t = NOW.minus(ago);
        return new CheckTimes(t, t, t, true, 0);
    }

    @Test
    void upToDateWithinOnePollInterval() {
        assertTrue(checkedAgo(Duration.ZERO).upToDate(NOW, POLL));
        assertTrue(checkedAgo(Duration.ofSeconds(5)).upToDate(NOW, POLL));
        // whole seconds: 5.999 s counts as 5
        assertTrue(checkedAgo(Duration.ofMillis(5999)).upToDate(NOW, POLL));
        assertFalse(checkedAgo(Duration.ofSeconds(6)).upToDate(NOW, POLL));
    }

    @Test
    void recentlyCheckedWithinFivePollIntervals() {
        assertTrue(checkedAgo(Duration.ofSeconds(6)).recentlyChecked(NOW, POLL));
        assertTrue(checkedAgo(Duration.ofSeconds(25)).recentlyChecked(NOW, POLL));
        assertTrue(checkedAgo(Duration.ofMillis(25_999)).recentlyChecked(NOW, POLL));
        assertFalse(checkedAgo(Duration.ofSeconds(26)).recentlyChecked(NOW, POLL));
    }

    @Test
    void neverCheckedIsNeitherUpToDateNorRecent() {
        assertFalse(CheckTimes.NEVER.upToDate(NOW, POLL));
        assertFalse(CheckTimes.NEVER.recentlyChecked(NOW, POLL));
        assertFalse(CheckTimes.NEVER.lastCheckValid());
    }

    @Test
    void secondsSinceLastSeen() {
        assertNull(CheckTimes.NEVER.secondsSinceLastSeen(NOW));
        assertEquals(42L, checkedAgo(Duration.ofSeconds(42)).secondsSinceLastSeen(NOW));
        CheckTimes seenLongAgo = new CheckTimes(NOW, NOW.minusSeconds(3600), NOW, false, 0);
        assertEquals(3600L, seenLongAgo.secondsSinceLastSeen(NOW));
    }
}
