package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryFiltersTest {

    @Test
    void wildcardAliasAndNameRegex() {
        assertTrue(RecoveryFilters.covers(List.of("*"), "db1:3306", "main"));
        assertTrue(RecoveryFilters.covers(List.of("alias=main"), "db1:3306", "main"));
        assertFalse(RecoveryFilters.covers(List.of("alias=other"), "db1:3306", "main"));
        assertTrue(RecoveryFilters.covers(List.of("alias~=^ma"), "db1:3306", "main"));
        assertTrue(RecoveryFilters.covers(List.of("db1"), "db1:3306", "main"));
        assertFalse(RecoveryFilters.covers(List.of(), "db1:3306", "main"));
        assertFalse(RecoveryFilters.covers(List.of("(["), "db1:3306", "main"), "a broken regex covers nothing");
    }
}
