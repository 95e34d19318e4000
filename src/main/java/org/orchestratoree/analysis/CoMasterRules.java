package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.AllCoMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.DeadCoMaster;
import static org.orchestratoree.analysis.AnalysisCode.DeadCoMasterAndSomeReplicas;
import static org.orchestratoree.analysis.AnalysisCode.UnreachableCoMaster;

import java.util.Optional;

/**
 * Rules for one of two servers replicating from each other. A co-master is a writer candidate, so it gets the
 * same confirmation rule as a master: dead only when every reachable replica blames the connection.
 */
final class CoMasterRules {

    private CoMasterRules() {
    }

    static Optional<Verdict> evaluate(InstanceFacts f) {
        if (f.isMaster() || !f.isCoMaster()) {
            return Optional.empty();
        }
        ReplicaGroup r = f.replicas();
        String coMaster = "co-master " + f.key();
        if (!f.lastCheckValid()) {
            return Optional.of(unreachable(r, coMaster));
        }
        if (r.count() > 0 && r.countReplicating() == 0) {
            return Optional.of(new Verdict(AllCoMasterReplicasNotReplicating, coMaster
                    + " is reachable but none of its replicas replicates: "
                    + IntermediateMasterRules.describeNotReplicating(r)));
        }
        return Optional.empty();
    }

    private static Verdict unreachable(ReplicaGroup r, String coMaster) {
        boolean confirmed = r.countValid() > 0 && r.countReplicating() == 0
                && r.countFailingToConnect() == r.countValid();
        if (confirmed && r.countValid() == r.count()) {
            return new Verdict(DeadCoMaster, coMaster + " is unreachable and " + Reasons.allOfIts(r.count())
                    + Reasons.verb(r.count(), " fails", " fail") + " to connect to it "
                    + Reasons.connectFailures(r.failingToConnect()));
        }
        if (confirmed) {
            return new Verdict(DeadCoMasterAndSomeReplicas, Reasons.alsoUnreachable(coMaster, r)
                    + Reasons.verb(r.countValid(), " fails", " fail") + " to connect to it "
                    + Reasons.connectFailures(r.failingToConnect()));
        }
        return new Verdict(UnreachableCoMaster, MasterRules.notConfirmed(coMaster, r));
    }
}
