package org.orchestratoree.topology;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recovery of a failed instance, as recorded in {@code topology_recovery}. A recovery stays "active"
 * (in its active period) after it ends, until acknowledged or RecoveryPeriodBlockSeconds pass, so that a
 * flapping topology is not failed over again and again.
 *
 * @param id 0 until registered
 * @param successor the promoted instance, null when none was (yet)
 * @param endRecovery null while the recovery is running
 * @param acknowledgement null until someone acknowledged it
 */
public record TopologyRecovery(
        long id,
        String uid,
        InstanceKey failedKey,
        String clusterName,
        String clusterAlias,
        String analysis,
        String failureDescription,
        List<InstanceKey> replicas,
        boolean active,
        boolean successful,
        InstanceKey successor,
        String successorAlias,
        List<InstanceKey> lostReplicas,
        List<InstanceKey> participatingInstances,
        List<String> allErrors,
        Instant startActivePeriod,
        Instant endRecovery,
        Acknowledgement acknowledgement,
        long lastDetectionId,
        String processingNodeHostname) {

    /** Who acknowledged a recovery, when, and why. */
    public record Acknowledgement(String owner, String comment, Instant at) {
    }

    public TopologyRecovery {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(failedKey, "failedKey");
        Objects.requireNonNull(startActivePeriod, "startActivePeriod");
        clusterName = clusterName == null ? "" : clusterName;
        clusterAlias = clusterAlias == null ? "" : clusterAlias;
        analysis = analysis == null ? "" : analysis;
        failureDescription = failureDescription == null ? "" : failureDescription;
        successorAlias = successorAlias == null ? "" : successorAlias;
        processingNodeHostname = processingNodeHostname == null ? "" : processingNodeHostname;
        replicas = List.copyOf(replicas);
        lostReplicas = List.copyOf(lostReplicas);
        participatingInstances = List.copyOf(participatingInstances);
        allErrors = List.copyOf(allErrors);
    }

    /** A recovery about to be registered: active, not finished, nothing promoted yet. */
    public static TopologyRecovery starting(String uid, InstanceKey failedKey, String clusterName,
                                            String clusterAlias, String analysis, String failureDescription,
                                            List<InstanceKey> replicas, Instant start, String processingNode) {
        return new TopologyRecovery(0, uid, failedKey, clusterName, clusterAlias, analysis, failureDescription,
                replicas, true, false, null, "", List.of(), List.of(), List.of(), start, null, null, 0,
                processingNode);
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }

    public boolean finished() {
        return endRecovery != null;
    }
}
