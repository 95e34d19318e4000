package org.orchestratoree.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

class PollScheduleTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private static InstanceKey k(int port) {
        return new InstanceKey("db", port);
    }

    private static List<InstanceKey> keys(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(PollScheduleTest::k).toList();
    }

    @Test
    void addSpreadSpreadsKeysEvenlyOverTheInterval() {
        PollSchedule schedule = new PollSchedule();
        schedule.addSpread(keys(5), T0, INTERVAL); // due at 0, 1, 2, 3, 4 s
        assertEquals(5, schedule.size());
        assertEquals(List.of(k(1)), schedule.takeDue(T0, 100));
        assertEquals(List.of(), schedule.takeDue(T0.plusMillis(999), 100));
        assertEquals(List.of(k(2)), schedule.takeDue(T0.plusSeconds(1), 100));
        assertEquals(List.of(k(3), k(4)), schedule.takeDue(T0.plusMillis(3500), 100));
        assertEquals(List.of(k(5)), schedule.takeDue(T0.plusSeconds(4), 100));
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(60), 100)); // all in flight
    }

    @Test
    void addSpreadOfManyKeysPutsTheRightShareInEachSecond() {
        PollSchedule schedule = new PollSchedule();
        schedule.addSpread(keys(100), T0, INTERVAL);
        List<Integer> perSecond = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            perSecond.add(schedule.takeDue(T0.plusSeconds(s).plusMillis(999), 1000).size());
        }
        assertEquals(List.of(20, 20, 20, 20, 20), perSecond);
    }

    @Test
    void addSpreadOfNothingIsHarmlessAndKnownKeysKeepTheirTime() {
        PollSchedule schedule = new PollSchedule();
        schedule.addSpread(List.of(), T0, INTERVAL);
        assertEquals(0, schedule.size());
        assertTrue(schedule.addNow(k(1), T0.plusSeconds(10)));
        schedule.addSpread(List.of(k(1)), T0, INTERVAL);
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(9), 10));
        assertEquals(List.of(k(1)), schedule.takeDue(T0.plusSeconds(10), 10));
    }

    @Test
    void takeDueReturnsMostOverdueFirstAndRespectsTheLimit() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(3), T0.plusSeconds(3));
        schedule.addNow(k(1), T0.plusSeconds(1));
        schedule.addNow(k(4), T0.plusSeconds(4));
        schedule.addNow(k(2), T0.plusSeconds(2));
        schedule.addNow(k(9), T0.plusSeconds(9));
        assertEquals(List.of(k(1), k(2)), schedule.takeDue(T0.plusSeconds(5), 2));
        assertEquals(2, schedule.inFlightCount());
        assertEquals(List.of(k(3), k(4)), schedule.takeDue(T0.plusSeconds(5), 10));
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(5), 10));
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(5), 0));
    }

    @Test
    void inFlightKeyIsNotHandedOutTwice() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0);
        assertEquals(List.of(k(1)), schedule.takeDue(T0, 10));
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(30), 10));
        assertFalse(schedule.addNow(k(1), T0));
        schedule.expedite(k(1), T0.plusSeconds(30));
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(30), 10));
        assertEquals(1, schedule.inFlightCount());
    }

    @Test
    void completedMakesTheNextProbeDueOneIntervalAfterItWasDue() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0);
        assertEquals(List.of(k(1)), schedule.takeDue(T0.plusMillis(300), 10)); // taken a little late
        schedule.completed(k(1), INTERVAL, T0.plusMillis(800));
        assertEquals(0, schedule.inFlightCount());
        // the phase is kept: due at T0 + 5 s, not 5 s after the late start or the end
        assertEquals(List.of(), schedule.takeDue(T0.plus(INTERVAL).minusMillis(1), 10));
        assertEquals(List.of(k(1)), schedule.takeDue(T0.plus(INTERVAL), 10));
    }

    @Test
    void nodeThatFellAnIntervalBehindMakesTheProbeDueNow() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0);
        schedule.takeDue(T0, 10);
        Instant end = T0.plusSeconds(8); // a slow probe: T0 + 5 s has already passed
        schedule.completed(k(1), INTERVAL, end);
        assertEquals(List.of(), schedule.takeDue(end.minusMillis(1), 10));
        assertEquals(List.of(k(1)), schedule.takeDue(end, 10));
    }

    @Test
    void releaseHandsTheKeyBackStillDue() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0);
        schedule.addNow(k(2), T0.plusSeconds(1));
        assertEquals(List.of(k(1), k(2)), schedule.takeDue(T0.plusSeconds(1), 10));
        schedule.release(k(1));
        assertEquals(1, schedule.inFlightCount());
        assertEquals(List.of(k(1)), schedule.takeDue(T0.plusSeconds(1), 10));
    }

    @Test
    void expediteBringsTheNextProbeForwardButNeverBack() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0.plusSeconds(5));
        schedule.addNow(k(2), T0.minusSeconds(3));
        schedule.expedite(k(1), T0.plusSeconds(1));
        schedule.expedite(k(2), T0.plusSeconds(1)); // already overdue: keeps its earlier time
        schedule.expedite(k(7), T0); // unknown: ignored
        assertEquals(2, schedule.size());
        assertFalse(schedule.contains(k(7)));
        assertEquals(List.of(k(2), k(1)), schedule.takeDue(T0.plusSeconds(1), 10));
    }

    @Test
    void removeForgetsTheKey() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0);
        schedule.addNow(k(2), T0);
        schedule.remove(k(1));
        assertFalse(schedule.contains(k(1)));
        assertTrue(schedule.contains(k(2)));
        assertEquals(1, schedule.size());
        assertEquals(List.of(k(2)), schedule.takeDue(T0, 10));
    }

    @Test
    void completingARemovedKeyDoesNotBringItBack() {
        PollSchedule schedule = new PollSchedule();
        schedule.addNow(k(1), T0);
        schedule.takeDue(T0, 10);
        schedule.remove(k(1));
        schedule.completed(k(1), INTERVAL, T0);
        assertFalse(schedule.contains(k(1)));
        assertEquals(0, schedule.inFlightCount());
        assertEquals(List.of(), schedule.takeDue(T0.plusSeconds(60), 10));
        assertTrue(schedule.addNow(k(1), T0));
    }
}
