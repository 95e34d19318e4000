package org.orchestratoree.refactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ServerVersion;

class ReplicationStatementsTest {

    private static final InstanceKey MASTER = new InstanceKey("db-2.example.com", 3307);

    private static ReplicationStatements of(String version, String comment) {
        return ReplicationStatements.forVersion(ServerVersion.of(version, comment));
    }

    @Test
    void mariaDbUsesSlaveStatementsAndSlavePos() {
        ReplicationStatements s = of("10.11.6-MariaDB-log", "MariaDB Server");
        assertEquals("STOP SLAVE", s.stopReplica());
        assertEquals("START SLAVE", s.startReplica());
        assertEquals("STOP SLAVE IO_THREAD", s.stopIoThread());
        assertEquals("RESET SLAVE ALL", s.resetReplicaAll());
        assertEquals("CHANGE MASTER TO MASTER_HOST='db-2.example.com', MASTER_PORT=3307, MASTER_USE_GTID=slave_pos",
                s.changeMasterTo(MASTER));
    }

    @Test
    void mysql57UsesSlaveStatementsAndAutoPosition() {
        ReplicationStatements s = of("5.7.44-log", "MySQL Community Server (GPL)");
        assertEquals("STOP SLAVE", s.stopReplica());
        assertEquals("START SLAVE", s.startReplica());
        assertEquals("RESET SLAVE ALL", s.resetReplicaAll());
        assertEquals("CHANGE MASTER TO MASTER_HOST='db-2.example.com', MASTER_PORT=3307, MASTER_AUTO_POSITION=1",
                s.changeMasterTo(MASTER));
    }

    @Test
    void mysql8022HasReplicaStatementsButNotYetReplicationSource() {
        ReplicationStatements s = of("8.0.22", "MySQL Community Server - GPL");
        assertEquals("STOP REPLICA", s.stopReplica());
        assertEquals("CHANGE MASTER TO MASTER_HOST='db-2.example.com', MASTER_PORT=3307, MASTER_AUTO_POSITION=1",
                s.changeMasterTo(MASTER));
    }

    @Test
    void mysql8036UsesReplicationSource() {
        ReplicationStatements s = of("8.0.36", "MySQL Community Server - GPL");
        assertEquals("STOP REPLICA", s.stopReplica());
        assertEquals("START REPLICA", s.startReplica());
        assertEquals("STOP REPLICA IO_THREAD", s.stopIoThread());
        assertEquals("RESET REPLICA ALL", s.resetReplicaAll());
        assertEquals("CHANGE REPLICATION SOURCE TO SOURCE_HOST='db-2.example.com', SOURCE_PORT=3307,"
                + " SOURCE_AUTO_POSITION=1", s.changeMasterTo(MASTER));
    }

    @Test
    void mysql84UsesReplicationSource() {
        ReplicationStatements s = of("8.4.2", "MySQL Community Server - GPL");
        assertEquals("RESET REPLICA ALL", s.resetReplicaAll());
        assertEquals("CHANGE REPLICATION SOURCE TO SOURCE_HOST='db-2.example.com', SOURCE_PORT=3307,"
                + " SOURCE_AUTO_POSITION=1", s.changeMasterTo(MASTER));
    }

    @Test
    void readOnlyTurnsSuperReadOnlyOffFirstAndOnLast() {
        assertEquals(List.of("SET GLOBAL read_only = 1", "SET GLOBAL super_read_only = 1"),
                ReplicationStatements.readOnly(true, true));
        assertEquals(List.of("SET GLOBAL super_read_only = 0", "SET GLOBAL read_only = 0"),
                ReplicationStatements.readOnly(false, true));
        assertEquals(List.of("SET GLOBAL read_only = 0"), ReplicationStatements.readOnly(false, false));
        assertEquals(List.of("SET GLOBAL read_only = 1"), ReplicationStatements.readOnly(true, false));
    }

    @Test
    void quotesHostNames() {
        assertEquals("'a''b\\\\c'", ReplicationStatements.quote("a'b\\c"));
    }

    @Test
    void credentialsAreNamedOnlyWhenGiven() {
        assertEquals("CHANGE MASTER TO MASTER_HOST='db-2.example.com', MASTER_PORT=3307, MASTER_USE_GTID=slave_pos, "
                + "MASTER_USER='repl', MASTER_PASSWORD='it''s'",
                of("10.11.6-MariaDB-log", "MariaDB Server").changeMasterTo(MASTER, "repl", "it's"));
        assertEquals("CHANGE REPLICATION SOURCE TO SOURCE_HOST='db-2.example.com', SOURCE_PORT=3307, "
                + "SOURCE_AUTO_POSITION=1, SOURCE_USER='repl', SOURCE_PASSWORD='x'",
                of("8.0.36", "MySQL Community Server - GPL").changeMasterTo(MASTER, "repl", "x"));
        assertEquals(of("5.7.44-log", "MySQL").changeMasterTo(MASTER),
                of("5.7.44-log", "MySQL").changeMasterTo(MASTER, "", "x"));
    }
}
