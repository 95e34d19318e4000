package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceKeyTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1:10111, 127.0.0.1, 10111",
            "db-1.example.com:3307, db-1.example.com, 3307",
            "db1, db1, 3306",
            "'  db1:3310  ', db1, 3310",
            "[::1]:3307, ::1, 3307",
            "[fe80::1%eth0]:3306, fe80::1%eth0, 3306",
            "[::1], ::1, 3306",
            "::1, ::1, 3306",
            "host:1, host, 1",
            "host:65535, host, 65535"})
    void parsesHostAndPort(String text, String host, int port) {
        assertEquals(new InstanceKey(host, port), InstanceKey.parse(text));
    }

    @Test
    void hostOnlyGetsDefaultPort() {
        InstanceKey key = InstanceKey.parse("mysql.local");
        assertEquals(3306, key.port());
        assertEquals("mysql.local:3306", key.toString());
    }

    @Test
    void nonNumericPortIsRejectedWithTheWholeKey() {
        InvalidInstanceKeyException e = assertThrows(InvalidInstanceKeyException.class,
                () -> InstanceKey.parse("db1:abc"));
        assertEquals("invalid port 'abc' in instance key 'db1:abc'", e.getMessage());
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertEquals("invalid port: 0 (expected 1..65535)",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db1:0")).getMessage());
        assertEquals("invalid port: 70000 (expected 1..65535)",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db1:70000")).getMessage());
        assertEquals("invalid port: -1 (expected 1..65535)",
                assertThrows(InvalidInstanceKeyException.class, () -> new InstanceKey("db1", -1)).getMessage());
    }

    @Test
    void emptyAndBlankAreRejected() {
        assertEquals("empty instance key",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("")).getMessage());
        assertEquals("empty instance key",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("   ")).getMessage());
        assertEquals("empty instance key",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse(null)).getMessage());
    }

    @Test
    void spacesInsideTheHostAreRejected() {
        assertEquals("invalid hostname: 'db 1'",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db 1:3306")).getMessage());
        assertEquals("invalid hostname: 'db1 '",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db1 :3306")).getMessage());
        assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db1: 3306"));
    }

    @Test
    void emptyHostOrPortIsRejected() {
        assertEquals("invalid hostname: ''",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse(":3306")).getMessage());
        assertEquals("invalid port '' in instance key 'db1:'",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db1:")).getMessage());
        assertEquals("invalid instance key: '[::1:3306'",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("[::1:3306")).getMessage());
        assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("[]:3306"));
        assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("db/1:3306"));
    }

    @Test
    void ofParsesThePortText() {
        assertEquals(new InstanceKey("db1", 3310), InstanceKey.of("db1", "3310"));
        assertEquals("invalid port 'x' in instance key 'db1:x'",
                assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.of("db1", "x")).getMessage());
    }

    @Test
    void looksLikeKeyNeedsAColonAndAValidKey() {
        assertTrue(InstanceKey.looksLikeKey("db1:3306"));
        assertFalse(InstanceKey.looksLikeKey("db1"));
        assertFalse(InstanceKey.looksLikeKey("my-cluster-alias"));
        assertFalse(InstanceKey.looksLikeKey("db1:abc"));
        assertFalse(InstanceKey.looksLikeKey(""));
    }

    @Test
    void ordersByHostThenPortNumerically() {
        List<InstanceKey> keys = new ArrayList<>(List.of(InstanceKey.parse("b:1"), InstanceKey.parse("a:10000"),
                InstanceKey.parse("a:9")));
        Collections.sort(keys);
        assertEquals(List.of(InstanceKey.parse("a:9"), InstanceKey.parse("a:10000"), InstanceKey.parse("b:1")), keys);
    }

    @Test
    void toStringRoundTripsForHostNames() {
        InstanceKey key = new InstanceKey("db-1.example.com", 3307);
        assertEquals(key, InstanceKey.parse(key.toString()));
    }

    @Test
    void toStringRoundTripsForIpv6() {
        InstanceKey key = new InstanceKey("::1", 3307);
        assertEquals(key, InstanceKey.parse(key.toString()));
    }

    @Test
    void bracketedKeyNeedsAColonBeforeThePort() {
        assertThrows(InvalidInstanceKeyException.class, () -> InstanceKey.parse("[::1]x3307"));
    }
}
