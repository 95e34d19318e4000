package org.orchestratoree.refactor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

class RelayLogProgressTest {

    private static ReplicaStatus status(boolean gtid, long read, long exec) {
        return new ReplicaStatus(new InstanceKey("m", 3306), "", ReplicationThreadState.RUNNING,
                ReplicationThreadState.RUNNING, 0, "", 0, "", 0L, 0, new BinlogCoordinates("bin.000002", read),
                new BinlogCoordinates("bin.000002", exec), BinlogCoordinates.NONE, gtid, "", false);
    }

    @Test
    void mariaDbComparesSequencesPerDomain() {
        assertTrue(RelayLogProgress.applied(status(true, 9, 1), true, "0-1-50", "0-1-50"));
        assertTrue(RelayLogProgress.applied(status(true, 9, 1), true, "0-1-50,1-2-7", "1-2-9,0-3-51"));
        assertFalse(RelayLogProgress.applied(status(true, 9, 9), true, "0-1-50", "0-1-49"));
        assertFalse(RelayLogProgress.applied(status(true, 9, 9), true, "0-1-50,1-2-7", "0-1-50"));
    }

    @Test
    void mysqlNeedsExecutedToHoldRetrieved() {
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        assertTrue(RelayLogProgress.applied(status(true, 9, 1), false, uuid + ":5-10", uuid + ":1-10"));
        assertFalse(RelayLogProgress.applied(status(true, 9, 9), false, uuid + ":5-11", uuid + ":1-10"));
    }

    @Test
    void withoutGtidComparesCoordinates() {
        assertTrue(RelayLogProgress.applied(status(false, 400, 400), false, "", ""));
        assertFalse(RelayLogProgress.applied(status(false, 400, 120), true, "", ""));
        // GTID in use but the IO thread has not fetched anything yet
        assertTrue(RelayLogProgress.applied(status(true, 400, 400), true, "", "0-1-3"));
    }
}
