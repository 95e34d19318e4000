package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orchestratoree.discovery.probe.Rows.mySql57Replica;
import static org.orchestratoree.discovery.probe.Rows.row;
import static org.orchestratoree.discovery.probe.Rows.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;

class MySqlLegacyDialectTest {

    private final MySqlLegacyDialect dialect = new MySqlLegacyDialect();

    @Test
    void usesSlaveStatements() {
        assertEquals("SHOW SLAVE STATUS", dialect.replicaStatusQuery());
        assertEquals("SHOW MASTER STATUS", dialect.masterStatusQuery());
        assertEquals("SHOW SLAVE HOSTS", dialect.replicaHostsQuery());
        assertTrue(dialect.gtidQuery().contains("@@global.gtid_executed"));
    }

    @Test
    void readsMySql57SlaveStatus() {
        ReplicaStatus s = dialect.toReplicaStatus(mySql57Replica());
        assertEquals(new InstanceKey("db-a.example.com", 3306), s.masterKey());
        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562", s.masterUuid());
        assertTrue(s.replicating());
        assertEquals(7L, s.secondsBehindMaster());
        assertEquals(3600, s.sqlDelay());
        assertEquals(new BinlogCoordinates("mysql-bin.000017", 98765), s.readCoordinates());
        assertEquals(new BinlogCoordinates("mysql-bin.000016", 12345), s.execCoordinates());
        assertEquals(new BinlogCoordinates("relay-bin.000042", 4321), s.relayLogCoordinates());
        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5", s.retrievedGtidSet());
        assertTrue(s.usingGtid());
        assertFalse(s.hasReplicationFilters());
    }

    @Test
    void positionBasedAndFiltered() {
        ReplicaStatus s = dialect.toReplicaStatus(with(mySql57Replica(), "Auto_Position", "0",
                "Replicate_Ignore_DB", "mysql"));
        assertFalse(s.usingGtid());
        assertTrue(s.hasReplicationFilters());
    }

    @Test
    void nullLagAndEmptyHost() {
        assertNull(dialect.toReplicaStatus(with(mySql57Replica(), "Seconds_Behind_Master", "NULL"))
                .secondsBehindMaster());
        assertNull(dialect.toReplicaStatus(with(mySql57Replica(), "Master_Host", "")));
    }

    @Test
    void ioErrorSaysMaster() {
        String error = "error connecting to master 'repl@db-a.example.com:3306' - retry-time: 60  retries: 3";
        ReplicaStatus s = dialect.toReplicaStatus(with(mySql57Replica(), "Slave_IO_Running", "Connecting",
                "Last_IO_Errno", "2003", "Last_IO_Error", error));
        assertEquals(2003, s.lastIoErrno());
        assertTrue(dialect.isMasterConnectionError(s.lastIoError()));
        assertFalse(dialect.isMasterConnectionError(""));
        assertFalse(dialect.isMasterConnectionError(null));
    }

    @Test
    void multiChannelTakesTheDefaultChannel() {
        Map<String, String> other = with(mySql57Replica(), "Channel_Name", "etl");
        assertEquals(mySql57Replica(), dialect.defaultChannel(List.of(other, mySql57Replica())));
        assertEquals(Map.of(), dialect.defaultChannel(List.of(other)));
    }

    @Test
    void oracleGtid() {
        Map<String, String> gtid = row("gtid_mode", "ON", "gtid_executed", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5",
                "gtid_purged", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-2");
        GtidState state = dialect.toGtidState(gtid, mySql57Replica());
        assertEquals("ON", state.gtidMode());
        assertTrue(state.supportsOracleGtid());
        assertTrue(state.usingOracleGtid());
        assertFalse(state.usingMariaDbGtid());
        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5", state.executedGtidSet());
        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-2", state.gtidPurged());

        GtidState off = dialect.toGtidState(row("gtid_mode", "OFF", "gtid_executed", "", "gtid_purged", ""), Map.of());
        assertFalse(off.supportsOracleGtid());
        assertFalse(off.usingOracleGtid());
    }

    @Test
    void serverUuidFromVariables() {
        assertEquals("abc", dialect.serverUuid(row("server_uuid", "abc")));
    }

    @Test
    void registeredReplicas() {
        assertEquals(new InstanceKey("db-b", 3306),
                dialect.toReplicaKey(row("Server_id", "2", "Host", "db-b", "Port", "3306", "Master_id", "1",
                        "Slave_UUID", "x")));
        assertNull(dialect.toReplicaKey(row("Server_id", "3", "Host", "", "Port", "3306", "Master_id", "1")));
    }
}
