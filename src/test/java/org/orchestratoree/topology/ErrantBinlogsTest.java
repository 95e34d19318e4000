package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrantBinlogsTest {

    private static final String M = "00000000-0000-0000-0000-000000000001";
    private static final String R = "00000000-0000-0000-0000-000000000002";

    @Test
    void mySqlErrantTransactionsSpreadOverTwoLogs() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("bin.000001", "");
        headers.put("bin.000002", M + ":1-10," + R + ":1-2");
        headers.put("bin.000003", M + ":1-20," + R + ":1-3");
        headers.put("bin.000004", M + ":1-30," + R + ":1-3");
        ErrantBinlogs.Location where = ErrantBinlogs.mySql(R + ":2-3", headers, M + ":1-35," + R + ":1-3");
        assertEquals(List.of("bin.000001", "bin.000002"), where.binlogs());
        assertEquals("", where.purged());
    }

    @Test
    void mySqlErrantTransactionsInTheCurrentLog() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("bin.000001", "");
        headers.put("bin.000002", M + ":1-10");
        ErrantBinlogs.Location where = ErrantBinlogs.mySql(R + ":1", headers, M + ":1-12," + R + ":1");
        assertEquals(List.of("bin.000002"), where.binlogs());
    }

    @Test
    void mySqlPurgedErrantTransactionsAreReported() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("bin.000007", M + ":1-10," + R + ":1");
        ErrantBinlogs.Location where = ErrantBinlogs.mySql(R + ":1-2", headers, M + ":1-12," + R + ":1-2");
        assertEquals(R + ":1", where.purged());
        assertEquals(List.of("bin.000007"), where.binlogs());
    }

    @Test
    void mariaDbTheLogWhereTheReplicasOwnServerIdAdvancedPastTheMaster() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("mysql-bin.000001", "[]");
        headers.put("mysql-bin.000002", "[0-11-15]");
        headers.put("mysql-bin.000003", "[0-11-15,0-12-18]");
        ErrantBinlogs.Location where = ErrantBinlogs.mariaDb("0-12-18", "0-11-15", headers, "0-11-15,0-12-18");
        assertEquals(List.of("mysql-bin.000002"), where.binlogs());
        assertEquals("", where.purged());
    }

    @Test
    void mariaDbOwnTransactionsTheMasterHasAreNotLocated() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("b.1", "[]");
        headers.put("b.2", "[0-12-50]");
        headers.put("b.3", "[0-12-50,0-11-90]");
        ErrantBinlogs.Location where = ErrantBinlogs.mariaDb("0-12-93", "0-12-50,0-11-90", headers,
                "0-12-93,0-11-90");
        assertEquals(List.of("b.3"), where.binlogs());
    }

    @Test
    void mariaDbPurgedErrantTransactionsAreReported() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("b.4", "[0-11-15,0-12-16]");
        ErrantBinlogs.Location where = ErrantBinlogs.mariaDb("0-12-18", "0-11-15", headers, "0-11-15,0-12-18");
        assertEquals("0-12-16", where.purged());
        assertEquals(List.of("b.4"), where.binlogs());
    }
}
