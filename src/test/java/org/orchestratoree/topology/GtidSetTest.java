package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
