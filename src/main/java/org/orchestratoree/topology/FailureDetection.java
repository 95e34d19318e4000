package org.orchestratoree.topology;

import java.time.Instant;
import java.util.Objects;

/**
 * A failure noticed by analysis, registered once per instance per active period
 * (FailureDetectionPeriodBlockMinutes) so that hooks and recoveries run once, not at every poll.
 *
 * @param id 0 until registered
 * @param endActivePeriod null while the detection is in its active period
 * @param relatedRecoveryId the latest recovery started from this detection, 0 when none
 */
public record FailureDetection(
        long id,
        InstanceKey key,
        String clusterName,
        String clusterAlias,
        String analysis,
        int countAffectedReplicas,
        boolean actionable,
        boolean active,
        Instant startActivePeriod,
        Instant endActivePeriod,
        String processingNodeHostname,
        long relatedRecoveryId) {

    public FailureDetection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(startActivePeriod, "startActivePeriod");
        clusterName = clusterName == null ? "" : clusterName;
        clusterAlias = clusterAlias == null ? "" : clusterAlias;
        analysis = analysis == null ? "" : analysis;
        processingNodeHostname = processingNodeHostname == null ? "" : processingNodeHostname;
    }

    public static FailureDetection starting(InstanceKey key, String clusterName, String clusterAlias,
                                            String analysis, int countAffectedReplicas, boolean actionable,
                                            Instant start, String processingNode) {
        return new FailureDetection(0, key, clusterName, clusterAlias, analysis, countAffectedReplicas, actionable,
                true, start, null, processingNode, 0);
    }
}
