package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.discovery.probe.Rows.mariaDb1011Replica;
import static org.orchestratoree.discovery.probe.Rows.row;
import static org.orchestratoree.discovery.probe.Rows.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

class MariaDbDialectTest {

    private final MariaDbDialect dialect = new MariaDbDialect();

    @Test
    void usesClassicStatements() {
        assertEquals("SHOW SLAVE STATUS", dialect.replicaStatusQuery());
        assertEquals("SHOW MASTER STATUS", dialect.masterStatusQuery());
        assertEquals("SHOW SLAVE HOSTS", dialect.replicaHostsQuery());
        assertTrue(dialect.gtidQuery().contains("@@global.gtid_slave_pos"));
    }

    @Test
    void readsRunningGtidReplica() {
        ReplicaStatus s = dialect.toReplicaStatus(mariaDb1011Replica());
        assertEquals(new InstanceKey("127.0.0.1", 10211), s.masterKey());
        assertEquals("", s.masterUuid());
        assertEquals(ReplicationThreadState.RUNNING, s.ioThread());
        assertEquals(ReplicationThreadState.RUNNING, s.sqlThread());
        assertTrue(s.replicating());
        assertEquals(0L, s.secondsBehindMaster());
        assertEquals(new BinlogCoordinates("mysql-bin.000001", 328), s.readCoordinates());
        assertEquals(new BinlogCoordinates("mysql-bin.000001", 328), s.execCoordinates());
        assertEquals(new BinlogCoordinates("p10212-relay-bin.000002", 627), s.relayLogCoordinates());
        assertTrue(s.usingGtid());
        assertFalse(s.hasReplicationFilters());
        assertEquals(0, s.sqlDelay());
    }

    @Test
    void readsBrokenIoThread() {
        String error = "error connecting to master 'ci@127.0.0.1:10211' - retry-time: 60  maximum-retries: 100000"
                + "  message: Can't connect to server on '127.0.0.1' (111 \"Connection refused\")";
        ReplicaStatus s = dialect.toReplicaStatus(with(mariaDb1011Replica(), "Slave_IO_Running", "Connecting",
                "Last_IO_Errno", "2003", "Last_IO_Error", error, "Seconds_Behind_Master", "NULL"));
        assertEquals(ReplicationThreadState.OTHER, s.ioThread());
        assertFalse(s.replicating());
        assertEquals(2003, s.lastIoErrno());
        assertEquals(error, s.lastIoError());
        assertNull(s.secondsBehindMaster());
        assertTrue(dialect.isMasterConnectionError(s.lastIoError()));
        assertFalse(dialect.isMasterConnectionError("Got fatal error 1236 from master"));
    }

    @Test
    void stoppedSqlThreadWithError() {
        ReplicaStatus s = dialect.toReplicaStatus(with(mariaDb1011Replica(), "Slave_SQL_Running", "No",
                "Last_SQL_Errno", "1062", "Last_SQL_Error", "Duplicate entry '1' for key 'PRIMARY'"));
        assertEquals(ReplicationThreadState.STOPPED, s.sqlThread());
        assertEquals(1062, s.lastSqlErrno());
        assertEquals("Duplicate entry '1' for key 'PRIMARY'", s.lastSqlError());
    }

    @Test
    void positionBasedReplicaDoesNotUseGtid() {
        assertFalse(dialect.toReplicaStatus(with(mariaDb1011Replica(), "Using_Gtid", "No")).usingGtid());
        assertTrue(dialect.toReplicaStatus(with(mariaDb1011Replica(), "Using_Gtid", "Current_Pos")).usingGtid());
    }

    @Test
    void emptyMasterHostOrNoRowMeansNoReplication() {
        assertNull(dialect.toReplicaStatus(with(mariaDb1011Replica(), "Master_Host", "")));
        assertNull(dialect.toReplicaStatus(Map.of()));
    }

    @Test
    void filtersAreDetected() {
        assertTrue(dialect.toReplicaStatus(with(mariaDb1011Replica(), "Replicate_Wild_Ignore_Table", "tmp.%"))
                .hasReplicationFilters());
    }

    @Test
    void multiSourceTakesTheDefaultConnection() {
        Map<String, String> named = with(mariaDb1011Replica(), "Connection_name", "analytics", "Master_Port", "9999");
        Map<String, String> unnamed = with(mariaDb1011Replica(), "Connection_name", "");
        assertEquals(unnamed, dialect.defaultChannel(List.of(named, unnamed)));
        assertEquals(Map.of(), dialect.defaultChannel(List.of(named)));
        assertEquals(mariaDb1011Replica(), dialect.defaultChannel(List.of(mariaDb1011Replica())));
        assertEquals(Map.of(), dialect.defaultChannel(List.of()));
    }

    @Test
    void gtidStateUsesMariaDbPositions() {
        Map<String, String> gtid = row("gtid_binlog_pos", "0-1-12", "gtid_slave_pos", "0-1-12",
                "gtid_current_pos", "0-1-12", "gtid_binlog_state", "0-2-3,0-1-12");
        GtidState replica = dialect.toGtidState(gtid, mariaDb1011Replica());
        assertTrue(replica.usingMariaDbGtid());
        assertFalse(replica.supportsOracleGtid());
        assertFalse(replica.usingOracleGtid());
        assertEquals("0-1-12", replica.mariaDbBinlogPos());
        assertEquals("0-1-12", replica.mariaDbSlavePos());
        assertEquals("0-1-12", replica.mariaDbCurrentPos());
        assertEquals("0-2-3,0-1-12", replica.mariaDbBinlogState(), "every (domain, server id), for errant GTIDs");
        assertEquals("", replica.executedGtidSet());
        assertFalse(dialect.toGtidState(gtid, Map.of()).usingMariaDbGtid());
    }

    @Test
    void hasNoServerUuid() {
        assertEquals("", dialect.serverUuid(row("server_id", "2")));
    }
}
