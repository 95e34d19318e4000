package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orchestratoree.topology.TestInstances.NOW;
import static org.orchestratoree.topology.TestInstances.POLL;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceProblemsTest {

    private static List<String> problems(Instance i) {
        return InstanceProblems.of(i, NOW, POLL, 10);
    }

    private static Instance replicaWith(ReplicaStatus r, CheckTimes checks) {
        return TestInstances.instance(TestInstances.snapshot("db2:3306", r), "db1:3306", 1, checks);
    }

    @Test
    void healthyMasterAndReplicaHaveNoProblems() {
        assertEquals(List.of(), problems(TestInstances.master("db1:3306", "db2:3306")));
        assertEquals(List.of(), problems(TestInstances.replica("db2:3306", "db1:3306", 1, "db1:3306")));
    }

    @Test
    void invalidLastCheck() {
        CheckTimes invalid = new CheckTimes(NOW, NOW.minusSeconds(60), NOW, false, 0);
        assertEquals(List.of("last_check_invalid"),
                problems(replicaWith(TestInstances.replicating("db1:3306", 500L), invalid)));
    }

    @Test
    void notRecentlyChecked() {
        CheckTimes old = new CheckTimes(NOW.minusSeconds(26), NOW.minusSeconds(26), NOW.minusSeconds(26), true, 0);
        assertEquals(List.of("not_recently_checked"), problems(replicaWith(TestInstances.replicating("db1:3306", 0L), old)));
        CheckTimes edge = new CheckTimes(NOW.minusSeconds(25), NOW.minusSeconds(25), NOW.minusSeconds(25), true, 0);
        assertEquals(List.of(), problems(replicaWith(TestInstances.replicating("db1:3306", 0L), edge)));
    }

    @Test
    void notReplicating() {
        ReplicaStatus stopped = TestInstances.replication("db1:3306", ReplicationThreadState.RUNNING,
                ReplicationThreadState.STOPPED, null, 0);
        assertEquals(List.of("not_replicating"), problems(replicaWith(stopped, TestInstances.freshChecks())));
    }

    @Test
    void replicationLagAboveReasonableAllowsForSqlDelay() {
        assertEquals(List.of("replication_lag"),
                problems(replicaWith(TestInstances.replicating("db1:3306", 11L), TestInstances.freshChecks())));
        assertEquals(List.of(),
                problems(replicaWith(TestInstances.replicating("db1:3306", 10L), TestInstances.freshChecks())));
        ReplicaStatus delayed = TestInstances.replication("db1:3306", ReplicationThreadState.RUNNING,
                ReplicationThreadState.RUNNING, 3605L, 3600);
        assertEquals(List.of(), problems(replicaWith(delayed, TestInstances.freshChecks())));
        ReplicaStatus delayedButBehindTheDelay = TestInstances.replication("db1:3306", ReplicationThreadState.RUNNING,
                ReplicationThreadState.RUNNING, 3000L, 3600);
        assertEquals(List.of("replication_lag"), problems(replicaWith(delayedButBehindTheDelay, TestInstances.freshChecks())));
    }

    @Test
    void nullLagIsNotALagProblem() {
        assertEquals(List.of(),
                problems(replicaWith(TestInstances.replicating("db1:3306", null), TestInstances.freshChecks())));
    }
}
