package org.orchestratoree.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

class SeedScheduleTest {

    private static final InstanceKey A = InstanceKey.parse("127.0.0.1:10111");
    private static final InstanceKey B = InstanceKey.parse("127.0.0.1:10211");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final SeedSchedule schedule = new SeedSchedule();
    private final Object config = new Object();

    @Test
    void everySeedIsDueOnceAndADiscoveredOneIsDone() {
        assertEquals(List.of(A, B), schedule.due(config, List.of(A, B), T0));
        schedule.discovered(A);
        schedule.discovered(B);
        assertEquals(List.of(), schedule.due(config, List.of(A, B), T0.plusSeconds(60)));
        assertFalse(schedule.isPending());
    }

    @Test
    void anUnreachableSeedIsTriedAgainAfterTheRetryIntervalUntilItAnswers() {
        schedule.due(config, List.of(A, B), T0);
        schedule.discovered(B);
        assertEquals(1, schedule.failed(A, T0, Duration.ofSeconds(5)));
        assertEquals(List.of(), schedule.due(config, List.of(A, B), T0.plusSeconds(4)));
        assertEquals(List.of(A), schedule.due(config, List.of(A, B), T0.plusSeconds(5)));
        assertEquals(2, schedule.failed(A, T0.plusSeconds(5), Duration.ofSeconds(5)));
        schedule.discovered(A);
        assertEquals(List.of(), schedule.due(config, List.of(A, B), T0.plusSeconds(60)));
    }

    @Test
    void aReloadedConfigurationMakesAllItsSeedsDueAgain() {
        schedule.due(config, List.of(A), T0);
        schedule.discovered(A);
        Object reloaded = new Object();
        assertEquals(List.of(A, B), schedule.due(reloaded, List.of(A, B), T0.plusSeconds(1)));
    }
}
