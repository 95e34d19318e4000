package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GtidSetTest {

    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "4e11fa47-71ca-11e1-9e33-c80aa9429562";

    @Test
    void aSubsetHasNothingExtra() {
        assertFalse(GtidSet.parse(A + ":1-50").hasTransactionsNotIn(GtidSet.parse(A + ":1-100")));
    }

    @Test
    void coverageMaySpanSeveralIntervals() {
        assertFalse(GtidSet.parse(A + ":3-8").hasTransactionsNotIn(GtidSet.parse(A + ":1-5:6-10")));
        assertTrue(GtidSet.parse(A + ":3-8").hasTransactionsNotIn(GtidSet.parse(A + ":1-5:7-10")));
    }

    @Test
    void anUnknownSourceIsExtra() {
        assertTrue(GtidSet.parse(A + ":1-5,\n" + B + ":1").hasTransactionsNotIn(GtidSet.parse(A + ":1-5")));
    }

    @Test
    void uuidCaseAndWhitespaceDoNotMatter() {
        assertFalse(GtidSet.parse(A.toUpperCase() + ":1-5").hasTransactionsNotIn(GtidSet.parse(" " + A + ":1-9 ")));
    }

    @Test
    void taggedTransactionsAreTheirOwnSource() {
        assertTrue(GtidSet.parse(A + ":1-5:audit:1-2").hasTransactionsNotIn(GtidSet.parse(A + ":1-5")));
        assertFalse(GtidSet.parse(A + ":audit:1-2").hasTransactionsNotIn(GtidSet.parse(A + ":1-5:audit:1-3")));
    }

    @Test
    void emptySetsAreHarmless() {
        assertTrue(GtidSet.parse("").isEmpty());
        assertFalse(GtidSet.parse("").hasTransactionsNotIn(GtidSet.parse(A + ":1")));
    }

    @Test
    void subtractionCutsIntervalsApart() {
        assertEquals(A + ":1-2:6-10", GtidSet.parse(A + ":1-10").subtract(GtidSet.parse(A + ":3-5")).toString());
        assertEquals(A + ":4", GtidSet.parse(A + ":1-5").subtract(GtidSet.parse(A + ":1-3:5-9")).toString());
        assertEquals("", GtidSet.parse(A + ":2-4").subtract(GtidSet.parse(A + ":1-9")).toString());
    }

    @Test
    void subtractionKeepsOtherSourcesWhole() {
        assertEquals(B + ":1-3", GtidSet.parse(A + ":1-5," + B + ":1-3").subtract(GtidSet.parse(A + ":1-5")).toString());
    }

    @Test
    void theCanonicalFormMergesAndSortsLikeMySql() {
        assertEquals(A + ":1-7:9," + B + ":2", GtidSet.parse(B + ":2," + A + ":5-7:1-4:9").toString());
        assertEquals(A + ":1-3:audit:1-2", GtidSet.parse(A + ":audit:1-2," + A + ":1-3").toString());
    }

    @Test
    void sourcesCanBeLeftOutWithTheirTags() {
        assertEquals(B + ":1", GtidSet.parse(A + ":1-5:audit:1," + B + ":1").withoutSources(List.of(A.toUpperCase()))
                .toString());
    }

    @Test
    void anErrantSetExplodesIntoSingleGtids() {
        GtidSet set = GtidSet.parse(A + ":3-4:7," + B + ":tag:1");
        assertEquals(List.of(A + ":3", A + ":4", A + ":7", B + ":tag:1"), set.gtids());
        assertEquals(4, set.count());
    }
}
