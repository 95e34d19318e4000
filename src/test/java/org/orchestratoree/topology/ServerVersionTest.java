package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerVersionTest {

    @ParameterizedTest
    @CsvSource({
            "8.0.36, 8, 0",
            "5.7.44-log, 5, 7",
            "10.11.6-MariaDB-log, 10, 11",
            "8.4.0-percona, 8, 4",
            "11, 11, 0",
            "'', 0, 0",
            "garbage, 0, 0"})
    void majorAndMinor(String version, int major, int minor) {
        ServerVersion v = ServerVersion.of(version, "");
        assertEquals(major, v.major());
        assertEquals(minor, v.minor());
    }

    @Test
    void atLeastComparesMajorThenMinor() {
        ServerVersion v = ServerVersion.of("8.0.36", "");
        assertTrue(v.atLeast(8, 0));
        assertTrue(v.atLeast(5, 7));
        assertTrue(v.atLeast(7, 9));
        assertFalse(v.atLeast(8, 1));
        assertFalse(v.atLeast(9, 0));
        ServerVersion maria = ServerVersion.of("10.11.6-MariaDB", "");
        assertTrue(maria.atLeast(10, 5));
        assertFalse(maria.atLeast(10, 12));
        assertFalse(maria.atLeast(11, 0));
    }

    @Test
    void flavorFromVersionOrComment() {
        assertEquals(Flavor.MARIADB, ServerVersion.of("10.11.6-MariaDB-log", "mariadb.org binary distribution").flavor());
        assertEquals(Flavor.MARIADB, ServerVersion.of("10.6.16", "MariaDB Server").flavor());
        assertEquals(Flavor.PERCONA, ServerVersion.of("8.0.35-27", "Percona Server (GPL), Release 27").flavor());
        assertEquals(Flavor.MYSQL, ServerVersion.of("8.0.36", "MySQL Community Server - GPL").flavor());
        assertEquals(Flavor.MYSQL, ServerVersion.of(null, null).flavor());
        assertEquals("MariaDB", Flavor.MARIADB.displayName());
        assertEquals("Percona", Flavor.PERCONA.displayName());
        assertEquals("MySQL", Flavor.MYSQL.displayName());
    }

    @Test
    void shortVersionIsTheVersionText() {
        assertEquals("10.11.6-MariaDB-log", ServerVersion.of("10.11.6-MariaDB-log", "x").shortVersion());
        assertEquals("", new ServerVersion(null, null, Flavor.MYSQL).shortVersion());
        assertEquals(0, new ServerVersion(null, null, Flavor.MYSQL).major());
    }
}
