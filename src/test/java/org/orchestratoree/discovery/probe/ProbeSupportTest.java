package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

/** The small pieces around the dialects: URL, exception text, host parsing, patterns. */
class ProbeSupportTest {

    private static final InstanceKey KEY = new InstanceKey("127.0.0.1", 10112);

    @Test
    void jdbcUrlCarriesTimeoutsInMillis() {
        MariaDbConnectionFactory factory = new MariaDbConnectionFactory(ProbeSettings.basic("ci", "ci", 2, 5));
        assertEquals("jdbc:mariadb://127.0.0.1:10112/?connectTimeout=2000&socketTimeout=5000&sslMode=disable"
                + "&allowPublicKeyRetrieval=true&tcpKeepAlive=true", factory.url(KEY));
        assertTrue(factory.url(new InstanceKey("::1", 3306)).startsWith("jdbc:mariadb://[::1]:3306/"));
    }

    @Test
    void connectFailureMessageNamesInstanceAndCause() {
        SQLException cause = new SQLException("Socket fail to connect to host:127.0.0.1, port:10112",
                "08000", 0, new ConnectException("Connection refused"));
        ProbeException e = ProbeException.couldNotConnect(KEY, cause);
        assertTrue(e.connectFailure());
        assertEquals(KEY, e.key());
        assertEquals("127.0.0.1:10112: Could not connect: Socket fail to connect to host:127.0.0.1, port:10112:"
                + " Connection refused", e.getMessage());
        ProbeException q = ProbeException.queryFailed(KEY, new SQLException("SHOW SLAVE STATUS: denied"));
        assertFalse(q.connectFailure());
        assertEquals("127.0.0.1:10112: Probe query failed: SHOW SLAVE STATUS: denied", q.getMessage());
    }

    @Test
    void processlistHostLosesItsClientPort() {
        assertEquals("10.0.0.5", ReplicaDiscovery.clientHost("10.0.0.5:41234"));
        assertEquals("db-b.example.com", ReplicaDiscovery.clientHost("db-b.example.com:41234"));
        assertEquals("::1", ReplicaDiscovery.clientHost("[::1]:41234"));
        assertEquals("localhost", ReplicaDiscovery.clientHost("localhost"));
    }

    @Test
    void patternGroupOneFromHostname() {
        Pattern dc = Pattern.compile("[.]([^.]+)[.][^.]+[.]example[.]com");
        assertEquals("dc1", LocationResolver.group1(dc, "db-a.dc1.prod.example.com"));
        assertEquals("", LocationResolver.group1(dc, "127.0.0.1"));
        assertEquals("", LocationResolver.group1(null, "db-a.dc1.prod.example.com"));
        assertEquals("", LocationResolver.group1(Pattern.compile("db"), "db-a"), "no group 1");
    }

    @Test
    void connectionLossIsRecognisedBySqlState() {
        assertTrue(TopologyConnections.isConnectionLost(new SQLException("gone", "08S01")));
        assertFalse(TopologyConnections.isConnectionLost(new SQLException("denied", "42000")));
        assertFalse(TopologyConnections.isConnectionLost(new SQLException("no state")));
    }

    @Test
    void settingsTreatNullAsUnset() {
        ProbeSettings s = new ProbeSettings("ci", "ci", 1, 1, true, null, null, null, null, null, null);
        assertEquals("", s.detectClusterAliasQuery());
        assertEquals("", s.regionPattern());
    }
}
