package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.discovery.probe.Rows.mySql84Replica;
import static org.orchestratoree.discovery.probe.Rows.row;
import static org.orchestratoree.discovery.probe.Rows.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

class MySqlModernDialectTest {

    private final MySqlModernDialect mysql84 = new MySqlModernDialect(true);

    @Test
    void usesReplicaStatements() {
        assertEquals("SHOW REPLICA STATUS", mysql84.replicaStatusQuery());
        assertEquals("SHOW REPLICAS", mysql84.replicaHostsQuery());
        assertEquals("SHOW BINARY LOG STATUS", mysql84.masterStatusQuery());
        // 8.0.22 .. 8.1 have SHOW REPLICA STATUS but not yet SHOW BINARY LOG STATUS
        assertEquals("SHOW MASTER STATUS", new MySqlModernDialect(false).masterStatusQuery());
    }

    @Test
    void readsMySql84ReplicaStatus() {
        ReplicaStatus s = mysql84.toReplicaStatus(mySql84Replica());
        assertEquals(new InstanceKey("10.0.0.11", 3307), s.masterKey());
        assertEquals("8a94f357-aab4-11df-86ab-c80aa9429562", s.masterUuid());
        assertEquals(ReplicationThreadState.RUNNING, s.ioThread());
        assertEquals(ReplicationThreadState.RUNNING, s.sqlThread());
        assertEquals(2L, s.secondsBehindMaster());
        assertEquals(new BinlogCoordinates("binlog.000003", 1500), s.readCoordinates());
        assertEquals(new BinlogCoordinates("binlog.000002", 1400), s.execCoordinates());
        assertEquals(new BinlogCoordinates("relay.000004", 900), s.relayLogCoordinates());
        assertEquals("8a94f357-aab4-11df-86ab-c80aa9429562:1-40", s.retrievedGtidSet());
        assertTrue(s.usingGtid());
        assertFalse(s.hasReplicationFilters());
    }

    @Test
    void slaveColumnNamesAreNotRead() {
        // a Master_Host column would be a dialect mix-up; only Source_Host counts
        assertNull(mysql84.toReplicaStatus(with(mySql84Replica(), "Source_Host", "", "Master_Host", "x")));
    }

    @Test
    void stoppedThreadsAndNullLag() {
        ReplicaStatus s = mysql84.toReplicaStatus(with(mySql84Replica(), "Replica_IO_Running", "No",
                "Replica_SQL_Running", "No", "Seconds_Behind_Source", "NULL", "Auto_Position", "0"));
        assertEquals(ReplicationThreadState.STOPPED, s.ioThread());
        assertEquals(ReplicationThreadState.STOPPED, s.sqlThread());
        assertNull(s.secondsBehindMaster());
        assertFalse(s.usingGtid());
    }

    @Test
    void ioErrorSaysSource() {
        String error = "Error connecting to source 'repl@10.0.0.11:3307'. This was attempt 3/86400, with a delay"
                + " of 60 seconds between attempts. Message: Can't connect to MySQL server on '10.0.0.11:3307' (111)";
        ReplicaStatus s = mysql84.toReplicaStatus(with(mySql84Replica(), "Replica_IO_Running", "Connecting",
                "Last_IO_Errno", "2003", "Last_IO_Error", error));
        assertEquals(ReplicationThreadState.OTHER, s.ioThread());
        assertEquals(error, s.lastIoError());
        assertTrue(mysql84.isMasterConnectionError(s.lastIoError()));
        // 8.0.22..8.0.25 still said "master"
        assertTrue(mysql84.isMasterConnectionError("error connecting to master 'repl@h:3306' - retry-time: 60"));
        // the older dialects do not know the new wording
        assertFalse(new MySqlLegacyDialect().isMasterConnectionError(error));
        assertFalse(new MariaDbDialect().isMasterConnectionError(error));
    }

    @Test
    void defaultChannelAmongSeveral() {
        Map<String, String> other = with(mySql84Replica(), "Channel_Name", "group_replication_applier");
        assertEquals(mySql84Replica(), mysql84.defaultChannel(List.of(other, mySql84Replica())));
    }

    @Test
    void showReplicasRow() {
        assertEquals(new InstanceKey("10.0.0.12", 3306), mysql84.toReplicaKey(row("Server_Id", "12",
                "Host", "10.0.0.12", "Port", "3306", "Source_Id", "11", "Replica_UUID", "u")));
        assertNull(mysql84.toReplicaKey(row("Server_Id", "12", "Host", "", "Port", "3306")));
    }

    @Test
    void gtidFromAutoPosition() {
        Map<String, String> gtid = row("gtid_mode", "ON", "gtid_executed", "u:1-40", "gtid_purged", "");
        assertTrue(mysql84.toGtidState(gtid, mySql84Replica()).usingOracleGtid());
        assertTrue(mysql84.toGtidState(gtid, Map.of()).supportsOracleGtid());
        assertFalse(mysql84.toGtidState(gtid, Map.of()).usingOracleGtid());
    }
}
