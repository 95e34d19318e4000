package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"30s,30", "10m,600", "2h,7200", "1d,86400", "1w,604800", "45,45", "0,0", " 5m ,300"})
    void parsesOrchestratorsUnits(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), DurationText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "10x", "-5m", "1.5h", "m", "99999999999999999999s"})
    void rejectsAnythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
        assertEquals("invalid duration: '" + text + "'", e.getMessage());
    }
}
