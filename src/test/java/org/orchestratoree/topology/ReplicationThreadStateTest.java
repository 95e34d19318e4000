package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReplicationThreadStateTest {

    @Test
    void fromRunningText() {
        assertEquals(ReplicationThreadState.RUNNING, ReplicationThreadState.of("Yes"));
        assertEquals(ReplicationThreadState.STOPPED, ReplicationThreadState.of("No"));
        assertEquals(ReplicationThreadState.OTHER, ReplicationThreadState.of("Connecting"));
        assertEquals(ReplicationThreadState.OTHER, ReplicationThreadState.of("Preparing"));
        assertEquals(ReplicationThreadState.NO_THREAD, ReplicationThreadState.of(""));
        assertEquals(ReplicationThreadState.NO_THREAD, ReplicationThreadState.of(null));
    }

    @Test
    void orchestratorCodes() {
        assertEquals(-1, ReplicationThreadState.NO_THREAD.code());
        assertEquals(0, ReplicationThreadState.STOPPED.code());
        assertEquals(1, ReplicationThreadState.RUNNING.code());
        assertEquals(2, ReplicationThreadState.OTHER.code());
    }

    @Test
    void replicatingNeedsBothThreads() {
        assertEquals(true, TestInstances.replicating("m:1", 0L).replicating());
        ReplicaStatus ioStopped = TestInstances.replication("m:1", ReplicationThreadState.STOPPED,
                ReplicationThreadState.RUNNING, null, 0);
        assertEquals(false, ioStopped.replicating());
        assertEquals(false, ioStopped.ioRunning());
        assertEquals(true, ioStopped.sqlRunning());
        ReplicaStatus connecting = TestInstances.replication("m:1", ReplicationThreadState.OTHER,
                ReplicationThreadState.RUNNING, null, 0);
        assertEquals(false, connecting.replicating());
    }
}
