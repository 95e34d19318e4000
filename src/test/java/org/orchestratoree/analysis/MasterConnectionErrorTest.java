package org.orchestratoree.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

class MasterConnectionErrorTest {

    private static ReplicaStatus io(ReplicationThreadState state, int errno, String error) {
        return new ReplicaStatus(InstanceKey.parse("127.0.0.1:10111"), "", state, ReplicationThreadState.RUNNING,
                errno, error, 0, "", null, 0, BinlogCoordinates.NONE, BinlogCoordinates.NONE,
                BinlogCoordinates.NONE, true, "", false);
    }

    @ParameterizedTest
    @ValueSource(ints = {2003, 2005, 2006, 2013})
    void clientConnectionErrnosCount(int errno) {
        assertTrue(MasterConnectionError.failingToConnect(io(ReplicationThreadState.OTHER, errno, "")));
        assertTrue(MasterConnectionError.failingToConnect(io(ReplicationThreadState.STOPPED, errno, "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "error connecting to master 'repl@db1:3306' - retry-time: 60 retries: 1",
        "error reconnecting to master 'repl@db1:3306' - retry-time: 60 maximum-retries: 86400",
        "Error connecting to source 'repl@db1:3306'. This was attempt 1/86400",
        "Error reconnecting to source 'repl@db1:3306'. This was attempt 2/86400"})
    void connectionWordingsCountWithoutErrno(String message) {
        assertTrue(MasterConnectionError.failingToConnect(io(ReplicationThreadState.OTHER, 0, message)));
    }

    @Test
    void aRunningIoThreadIsNotFailingWhateverItsLastError() {
        assertFalse(MasterConnectionError.failingToConnect(io(ReplicationThreadState.RUNNING, 2003, "")));
    }

    @Test
    void otherIoErrorsDoNotBlameTheConnection() {
        assertFalse(MasterConnectionError.failingToConnect(io(ReplicationThreadState.STOPPED, 13114,
                "Got fatal error 1236 from source when reading data from binary log")));
        assertFalse(MasterConnectionError.failingToConnect(io(ReplicationThreadState.STOPPED, 0, "")));
        assertFalse(MasterConnectionError.failingToConnect(null));
    }

    @Test
    void evidencePrefersTheErrno() {
        assertEquals("IO errno 2013", MasterConnectionError.evidence(io(ReplicationThreadState.OTHER, 2013, "x")));
    }
}
