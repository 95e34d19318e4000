package org.orchestratoree.analysis;


/**
 * Orchestrator's if/else chain, split by the role of the analyzed instance. The first rule that matches wins,
 * so the order here is the precedence: roles first (master, co-master, intermediate master), then the
 * instance's own link to its master.
 */
final class DecisionChain {

    private DecisionChain() {
    }

    static Verdict decide(InstanceFacts f, AnalysisContext ctx) {
        return MasterRules.evaluate(f, ctx)
                .or(() -> CoMasterRules.evaluate(f))
                .or(() -> IntermediateMasterRules.evaluate(f, ctx))
                .or(() -> ReplicaRules.evaluate(f))
                .orElseGet(() -> noProblem(f));
    }

    private static Verdict noProblem(InstanceFacts f) {
        ReplicaGroup r = f.replicas();
        String role = f.isMaster() ? "master" : f.isCoMaster() ? "co-master"
                : r.count() > 0 ? "intermediate master" : "replica";
        String state = f.lastCheckValid() ? " is reachable" : " is unreachable";
        String replicas = r.count() == 0 ? "" : " and " + r.countReplicating() + " of its "
                + Reasons.replicas(r.count()) + " replicate";
        return new Verdict(AnalysisCode.NoProblem, role + " " + f.key() + state + replicas);
    }
}
