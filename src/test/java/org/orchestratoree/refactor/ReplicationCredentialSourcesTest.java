package org.orchestratoree.refactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

class ReplicationCredentialSourcesTest {

    private static final InstanceKey TARGET = InstanceKey.parse("db2:3306");
    private static final InstanceKey SIBLING = InstanceKey.parse("db3:3306");
    private static final String QUERY = "SELECT user, password FROM meta.replication";

    private final List<String> asked = new ArrayList<>();

    /** A source answering from a map of servers, recording every server it was asked. */
    private ReplicationCredentialSources.Source source(String name, Map<InstanceKey, ReplicationCredentials> known) {
        return donor -> {
            asked.add(name + "@" + donor);
            return Optional.ofNullable(known.get(donor));
        };
    }

    private static ReplicationCredentials creds(String user) {
        return new ReplicationCredentials(user, user + "-pw");
    }

    @Test
    void theMasterInfoTableComesFirstEvenWhenAQueryIsConfigured() {
        var sources = new ReplicationCredentialSources(source("table", Map.of(TARGET, creds("table"))),
                source("query", Map.of(TARGET, creds("query"))));
        var found = sources.find(List.of(TARGET, SIBLING), QUERY, "config", "config-pw").orElseThrow();
        assertEquals("table", found.credentials().user());
        assertEquals("mysql.slave_master_info on db2:3306", found.origin());
        assertEquals(List.of("table@db2:3306"), asked);
    }

    @Test
    void everyDonorsTableIsReadBeforeAnyQuery() {
        var sources = new ReplicationCredentialSources(source("table", Map.of(SIBLING, creds("sibling"))),
                source("query", Map.of(TARGET, creds("query"))));
        var found = sources.find(List.of(TARGET, SIBLING), QUERY, "", "").orElseThrow();
        assertEquals("sibling", found.credentials().user());
        assertEquals(List.of("table@db2:3306", "table@db3:3306"), asked);
    }

    @Test
    void theQueryComesNextWhenNoServerHasTheTable() {
        var sources = new ReplicationCredentialSources(source("table", Map.of()),
                source("query", Map.of(TARGET, creds("query"))));
        var found = sources.find(List.of(TARGET), QUERY, "config", "config-pw").orElseThrow();
        assertEquals("query", found.credentials().user());
        assertEquals("ReplicationCredentialsQuery on db2:3306", found.origin());
    }

    @Test
    void theQueryIsNotRunWhenNoneIsConfigured() {
        var sources = new ReplicationCredentialSources(source("table", Map.of()),
                source("query", Map.of(TARGET, creds("query"))));
        var found = sources.find(List.of(TARGET), "", "config", "config-pw").orElseThrow();
        assertEquals(new ReplicationCredentials("config", "config-pw"), found.credentials());
        assertEquals("MySQLReplicaUser", found.origin());
        assertEquals(List.of("table@db2:3306"), asked);
    }

    @Test
    void theConfigKeysAreTheLastResortAndAFailingDonorIsPassedOver() {
        ReplicationCredentialSources.Source failing = donor -> {
            throw new TopologyOperationException(donor, "cannot connect");
        };
        var sources = new ReplicationCredentialSources(failing, failing);
        var found = sources.find(List.of(TARGET, SIBLING), QUERY, "config", "config-pw").orElseThrow();
        assertEquals("MySQLReplicaUser", found.origin());
    }

    @Test
    void nothingAnywhereFindsNothing() {
        var sources = new ReplicationCredentialSources(source("table", Map.of()), source("query", Map.of()));
        assertFalse(sources.find(List.of(TARGET), QUERY, "", "").isPresent());
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        ReplicationCredentials c = new ReplicationCredentials("repl", "s3cret");
        assertFalse(c.toString().contains("s3cret"), c.toString());
        assertEquals("near '****' at line 1", c.redact("near 's3cret' at line 1"));
        assertTrue(ReplicationCredentials.of(" ", "x").isEmpty());
        String line = ReplicationCredentialsLookup.describe(TARGET,
                Optional.of(new ReplicationCredentialSources.Found(c, "MySQLReplicaUser")));
        assertFalse(line.contains("s3cret"), line);
    }
}
