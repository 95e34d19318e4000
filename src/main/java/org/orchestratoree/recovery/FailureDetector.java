package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.orchestratoree.analysis.AnalysisCode;
import org.orchestratoree.analysis.ReplicationAnalysis;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.topology.InstanceKey;

/**
 * Turns analyses into detections. Every node analyses; only the leader fires {@link FailureDetected}, on every
 * pass while an actionable failure lasts, so that a recovery blocked now runs once it is acknowledged. Logging
 * happens once per failure, when it appears.
 */
@ApplicationScoped
public class FailureDetector {

    private static final Logger LOG = Logger.getLogger(FailureDetector.class.getName());

    @Inject
    ClusterAnalysisService analysis;
    @Inject
    Leadership leadership;
    @Inject
    Event<FailureDetected> detections;

    private final Map<InstanceKey, AnalysisCode> announced = new HashMap<>();

    /** One pass over every cluster; returns the failures announced in it. */
    public synchronized List<ReplicationAnalysis> detect() {
        List<ReplicationAnalysis> actionable = analysis.analyzeAll(false).stream()
                .filter(ReplicationAnalysis::actionable).toList();
        Set<InstanceKey> current = new HashSet<>();
        List<ReplicationAnalysis> fresh = new java.util.ArrayList<>();
        for (ReplicationAnalysis a : actionable) {
            current.add(a.analyzedInstanceKey());
            if (announced.get(a.analyzedInstanceKey()) != a.analysis()) {
                announced.put(a.analyzedInstanceKey(), a.analysis());
                fresh.add(a);
            }
        }
        announced.keySet().retainAll(current);
        fresh.forEach(a -> LOG.warning("detected " + a.analysis() + " on " + a.analyzedInstanceKey() + " (cluster "
                + a.clusterName() + "): " + a.reason()));
        if (!leadership.isLeader()) {
            return List.of();
        }
        Instant now = Instant.now();
        actionable.forEach(a -> detections.fire(new FailureDetected(a, now)));
        return fresh;
    }
}
