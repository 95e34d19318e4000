package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MariaDbGtidStateTest {

    @Test
    void parsesAStateAndAGtidListEvent() {
        assertEquals("0-1-15,0-2-18,1-2-4", MariaDbGtidState.parse("0-2-18, 1-2-4,0-1-15").toString());
        assertEquals("0-11411-15", MariaDbGtidState.parse("[0-11411-15]").toString());
        assertTrue(MariaDbGtidState.parse("[]").isEmpty());
        assertTrue(MariaDbGtidState.parse("garbage,0-x-1").isEmpty());
    }

    @Test
    void theNewestOfEachDomainComesLastAsSetGtidBinlogStateWantsIt() {
        assertEquals("0-2-50,0-1-100,3-9-1", MariaDbGtidState.parse("3-9-1,0-1-100,0-2-50").toString());
    }

    @Test
    void aPairBeyondTheOthersLastIsMissingThere() {
        MariaDbGtidState replica = MariaDbGtidState.parse("0-1-15,0-2-18");
        assertEquals("0-2-18", replica.notIn(MariaDbGtidState.parse("0-1-15"), Set.of()).toString());
        assertEquals("0-2-18", replica.notIn(MariaDbGtidState.parse("0-1-15,0-2-10"), Set.of()).toString());
        assertEquals("", replica.notIn(MariaDbGtidState.parse("0-1-20,0-2-18"), Set.of()).toString());
    }

    @Test
    void ignoredServersAreNeverMissing() {
        MariaDbGtidState replica = MariaDbGtidState.parse("0-1-40,0-2-18");
        assertEquals("0-2-18", replica.notIn(MariaDbGtidState.parse("0-1-15"), Set.of(1L)).toString());
    }

    @Test
    void rollingBackTakesPairsToTheReferenceOrDropsThem() {
        MariaDbGtidState replica = MariaDbGtidState.parse("0-1-100,0-2-101,5-2-3");
        MariaDbGtidState master = MariaDbGtidState.parse("0-1-100,0-2-50");
        List<MariaDbGtidState.Source> errant = List.copyOf(replica.notIn(master, Set.of(1L)).sources());
        assertEquals("0-2-50,0-1-100", replica.rolledBackTo(master, errant).toString());
    }

    @Test
    void aPositionOnAnErrantGtidMovesBackToTheKeptStatesNewestOfTheDomain() {
        MariaDbGtidState master = MariaDbGtidState.parse("0-11-15");
        MariaDbGtidState errant = MariaDbGtidState.parse("0-12-18");
        MariaDbGtidState kept = MariaDbGtidState.parse("0-11-15");
        assertEquals("0-11-15,1-5-3", kept.positionWithout(MariaDbGtidState.parse("0-12-18,1-5-3"), errant, master)
                .toString());
        assertEquals("0-11-14", kept.positionWithout(MariaDbGtidState.parse("0-11-14"), errant, master).toString(),
                "a position on a clean GTID stays");
    }
}
