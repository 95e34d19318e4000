package org.orchestratoree.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Orchestrator's per-instance problem labels, computed on read from what is known now. */
public final class InstanceProblems {

    private InstanceProblems() {
    }

    public static List<String> of(Instance instance, Instant now, Duration pollInterval, long reasonableLagSeconds) {
        List<String> problems = new ArrayList<>();
        CheckTimes checks = instance.checks();
        ReplicaStatus replication = instance.snapshot().replication();
        if (!checks.lastCheckValid()) {
            problems.add("last_check_invalid");
        } else if (!checks.recentlyChecked(now, pollInterval)) {
            problems.add("not_recently_checked");
        } else if (replication != null && !replication.replicating()) {
            problems.add("not_replicating");
        } else if (replication != null && replication.secondsBehindMaster() != null
                && Math.abs(replication.secondsBehindMaster() - replication.sqlDelay()) > reasonableLagSeconds) {
            problems.add("replication_lag");
        }
        return problems;
    }
}
