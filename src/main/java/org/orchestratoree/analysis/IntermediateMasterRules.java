package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.AllIntermediateMasterReplicasFailingToConnectOrDead;
import static org.orchestratoree.analysis.AnalysisCode.AllIntermediateMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMaster;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterAndReplicas;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterAndSomeReplicas;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterWithSingleReplica;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterWithSingleReplicaFailingToConnect;
import static org.orchestratoree.analysis.AnalysisCode.UnreachableIntermediateMaster;
import static org.orchestratoree.analysis.AnalysisCode.UnreachableIntermediateMasterWithLaggingReplicas;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rules for a replica that has replicas of its own. These follow orchestrator's counts as they are: losing an
 * intermediate master only means re-pointing its replicas elsewhere, so "none of them replicates" is enough.
 */
final class IntermediateMasterRules {

    private IntermediateMasterRules() {
    }

    static Optional<Verdict> evaluate(InstanceFacts f, AnalysisContext ctx) {
        if (f.isMaster() || f.isCoMaster() || f.replicas().count() == 0) {
            return Optional.empty();
        }
        String im = "intermediate master " + f.key();
        return f.lastCheckValid() ? reachable(f.replicas(), im) : Optional.of(unreachable(f.replicas(), im, ctx));
    }

    private static Verdict unreachable(ReplicaGroup r, String im, AnalysisContext ctx) {
        if (r.countValid() == 0) {
            return new Verdict(DeadIntermediateMasterAndReplicas, im + " is unreachable and so"
                    + Reasons.verb(r.count(), " is ", " are ") + Reasons.allOfIts(r.count()) + ": "
                    + Reasons.keys(r.all()));
        }
        if (r.countReplicating() == 0) {
            return deadWithReachableReplicas(r, im);
        }
        if (r.lagging().size() == r.count() && r.delayed().size() < r.count()) {
            return new Verdict(UnreachableIntermediateMasterWithLaggingReplicas, im + " is unreachable and "
                    + Reasons.allOfIts(r.count()) + " lag more than " + ctx.reasonableReplicationLagSeconds()
                    + "s behind it (" + Reasons.keys(r.lagging()) + "): overloaded or locked, not dead");
        }
        return new Verdict(UnreachableIntermediateMaster, MasterRules.notConfirmed(im, r));
    }

    private static Verdict deadWithReachableReplicas(ReplicaGroup r, String im) {
        if (r.countValid() < r.count()) {
            return new Verdict(DeadIntermediateMasterAndSomeReplicas, Reasons.alsoUnreachable(im, r)
                    + Reasons.verb(r.countValid(), " does", " do") + " not replicate: " + describeNotReplicating(r));
        }
        if (r.count() > 1) {
            return new Verdict(DeadIntermediateMaster, im + " is unreachable and none of its " + r.count()
                    + " replicas replicates: " + describeNotReplicating(r));
        }
        if (r.countFailingToConnect() == 1) {
            return new Verdict(DeadIntermediateMasterWithSingleReplicaFailingToConnect, im
                    + " is unreachable and its only replica fails to connect to it "
                    + Reasons.connectFailures(r.failingToConnect()));
        }
        return new Verdict(DeadIntermediateMasterWithSingleReplica, im + " is unreachable and its only replica "
                + Reasons.notConfirming(r.valid()) + " is not replicating, without a connection error");
    }

    private static Optional<Verdict> reachable(ReplicaGroup r, String im) {
        if (r.countReplicating() > 0) {
            return Optional.empty();
        }
        // with a single replica one failing connection proves little; orchestrator wants at least two
        if (r.count() > 1 && r.countFailingToConnect() > 0 && r.countFailingToConnect() == r.countValid()) {
            return Optional.of(new Verdict(AllIntermediateMasterReplicasFailingToConnectOrDead, im
                    + " is reachable but its reachable replicas fail to connect to it "
                    + Reasons.connectFailures(r.failingToConnect())
                    + (r.unreachable().isEmpty() ? "" : " and " + Reasons.unreachable(r.unreachable()))));
        }
        return Optional.of(new Verdict(AllIntermediateMasterReplicasNotReplicating, im
                + " is reachable but none of its replicas replicates: " + describeNotReplicating(r)));
    }

    /** Each non-replicating replica under the heading that explains it; shared with co-masters. */
    static String describeNotReplicating(ReplicaGroup r) {
        String failing = r.failingToConnect().isEmpty() ? ""
                : "failing to connect " + Reasons.connectFailures(r.failingToConnect());
        String other = r.validNotConfirming().isEmpty() ? ""
                : "stopped without connection error: " + Reasons.notConfirming(r.validNotConfirming());
        String unreachable = r.unreachable().isEmpty() ? "" : "unreachable: " + Reasons.keys(r.unreachable());
        return Stream.of(failing, other, unreachable).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("; "));
    }
}
