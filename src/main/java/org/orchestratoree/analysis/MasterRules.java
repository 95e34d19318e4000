package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.AllMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.AllMasterReplicasNotReplicatingOrDead;
import static org.orchestratoree.analysis.AnalysisCode.DeadMaster;
import static org.orchestratoree.analysis.AnalysisCode.DeadMasterAndReplicas;
import static org.orchestratoree.analysis.AnalysisCode.DeadMasterAndSomeReplicas;
import static org.orchestratoree.analysis.AnalysisCode.DeadMasterWithoutReplicas;
import static org.orchestratoree.analysis.AnalysisCode.MasterSingleReplicaDead;
import static org.orchestratoree.analysis.AnalysisCode.MasterSingleReplicaNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.MasterWithoutReplicas;
import static org.orchestratoree.analysis.AnalysisCode.NoWriteableMaster;
import static org.orchestratoree.analysis.AnalysisCode.UnreachableMaster;
import static org.orchestratoree.analysis.AnalysisCode.UnreachableMasterWithLaggingReplicas;

import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.Instance;

/** Rules for the head of a cluster (no master of its own), in orchestrator's order. */
final class MasterRules {

    private MasterRules() {
    }

    static Optional<Verdict> evaluate(InstanceFacts f, AnalysisContext ctx) {
        if (!f.isMaster()) {
            return Optional.empty();
        }
        if (!f.lastCheckValid()) {
            return Optional.of(unreachable(f, ctx));
        }
        return SemiSyncRules.evaluate(f, ctx).or(() -> nonWriteable(f, ctx)).or(() -> replicasOfReachable(f, ctx));
    }

    /**
     * An unreachable master is dead only when the replicas that can be asked confirm it: none replicates and
     * every one of them reports a connection error. Anything less is a network problem between us and the
     * master until proven otherwise, and promoting on it would split the cluster.
     */
    private static Verdict unreachable(InstanceFacts f, AnalysisContext ctx) {
        ReplicaGroup r = f.replicas();
        String master = "master " + f.key();
        if (r.count() == 0) {
            return new Verdict(DeadMasterWithoutReplicas,
                    master + " is unreachable and has no replicas that could confirm or refute it");
        }
        if (r.countValid() == 0) {
            return new Verdict(DeadMasterAndReplicas, master + " is unreachable and so"
                    + Reasons.verb(r.count(), " is ", " are ") + Reasons.allOfIts(r.count()) + ": "
                    + Reasons.keys(r.all()));
        }
        if (r.countReplicating() == 0 && r.countFailingToConnect() == r.countValid()) {
            return confirmedDead(r, master);
        }
        if (r.countReplicating() > 0 && r.lagging().size() == r.count() && r.delayed().size() < r.count()) {
            return new Verdict(UnreachableMasterWithLaggingReplicas, master + " is unreachable and "
                    + Reasons.allOfIts(r.count()) + " lag more than " + ctx.reasonableReplicationLagSeconds()
                    + "s behind it although " + r.countReplicating() + " still replicate ("
                    + Reasons.keys(r.lagging()) + "): overloaded or locked, not dead");
        }
        return new Verdict(UnreachableMaster, notConfirmed(master, r));
    }

    private static Verdict confirmedDead(ReplicaGroup r, String master) {
        if (r.countValid() == r.count()) {
            return new Verdict(DeadMaster, master + " is unreachable and " + Reasons.allOfIts(r.count())
                    + Reasons.verb(r.count(), " fails", " fail") + " to connect to it "
                    + Reasons.connectFailures(r.failingToConnect()));
        }
        return new Verdict(DeadMasterAndSomeReplicas, Reasons.alsoUnreachable(master, r)
                + Reasons.verb(r.countValid(), " fails", " fail") + " to connect to it "
                + Reasons.connectFailures(r.failingToConnect()));
    }

    /** Shared by masters and co-masters: why an unreachable server is not declared dead. */
    static String notConfirmed(String server, ReplicaGroup r) {
        if (r.countReplicating() > 0) {
            return server + " is unreachable but " + Reasons.replicas(r.countReplicating())
                    + " still replicate from it (" + Reasons.keys(r.replicating()) + "): not dead";
        }
        if (r.countValid() == 0) {
            return server + " is unreachable and so"
                    + Reasons.verb(r.count(), " is ", " are ") + Reasons.allOfIts(r.count())
                    + " (" + Reasons.keys(r.all()) + "): no replica can confirm it is dead";
        }
        List<Instance> silent = r.validNotConfirming();
        return server + " is unreachable and no reachable replica replicates, but "
                + Reasons.notConfirming(silent) + Reasons.verb(silent.size(), " reports", " report")
                + " no connection error: not confirmed dead";
    }

    /** Orchestrator's NoWriteableMaster: the master answers, its replicas follow it, but it takes no writes. */
    private static Optional<Verdict> nonWriteable(InstanceFacts f, AnalysisContext ctx) {
        if (!ctx.recoverNonWriteableMaster() || !f.instance().snapshot().readOnly()
                || f.replicas().countReplicating() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(NoWriteableMaster, "master " + f.key() + " is read_only while "
                + Reasons.replicas(f.replicas().countReplicating()) + " replicate from it ("
                + Reasons.keys(f.replicas().replicating()) + ")"));
    }

    /** The master answers; what remains is whether its replicas still follow it. */
    private static Optional<Verdict> replicasOfReachable(InstanceFacts f, AnalysisContext ctx) {
        ReplicaGroup r = f.replicas();
        String master = "master " + f.key();
        if (r.count() == 0) {
            return ctx.reportMastersWithoutReplicas()
                    ? Optional.of(new Verdict(MasterWithoutReplicas, master + " is reachable and has no replicas"))
                    : Optional.empty();
        }
        if (r.countReplicating() > 0 || (r.countValid() == 0 && r.count() > 1)) {
            // orchestrator has no code for a reachable master whose several replicas are all unreachable
            return Optional.empty();
        }
        if (r.count() == 1) {
            return Optional.of(r.countValid() == 1
                    ? new Verdict(MasterSingleReplicaNotReplicating, master + " is reachable but its only replica "
                            + Reasons.notConfirming(r.valid()) + " is not replicating")
                    : new Verdict(MasterSingleReplicaDead, master + " is reachable but its only replica "
                            + Reasons.keys(r.all()) + " is unreachable"));
        }
        if (r.countValid() == r.count()) {
            return Optional.of(new Verdict(AllMasterReplicasNotReplicating, master + " is reachable but none of its "
                    + r.count() + " replicas replicates: " + Reasons.notConfirming(r.valid())));
        }
        return Optional.of(new Verdict(AllMasterReplicasNotReplicatingOrDead, master + " is reachable but of its "
                + Reasons.replicas(r.count()) + ", " + Reasons.unreachable(r.unreachable())
                + " and the rest do not replicate: " + Reasons.notConfirming(r.valid())));
    }
}
