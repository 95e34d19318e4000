package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.AllCoMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.AllIntermediateMasterReplicasFailingToConnectOrDead;
import static org.orchestratoree.analysis.AnalysisCode.AllIntermediateMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.AllMasterReplicasNotReplicating;
import static org.orchestratoree.analysis.AnalysisCode.AllMasterReplicasNotReplicatingOrDead;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterAndReplicas;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterAndSomeReplicas;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterWithSingleReplica;
import static org.orchestratoree.analysis.AnalysisCode.DeadIntermediateMasterWithSingleReplicaFailingToConnect;
import static org.orchestratoree.analysis.AnalysisCode.MasterSingleReplicaDead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Orchestrator's replication analysis as a pure function: the same snapshots and context always give the same
 * findings, with no database, clock or network involved, so detection can be tested and audited offline.
 */
public final class ReplicationAnalyzer {

    /** Findings that are only about replicas: if all those replicas are downtimed, nobody wants to hear. */
    private static final Set<AnalysisCode> ABOUT_REPLICAS_ONLY = Set.of(
            AllMasterReplicasNotReplicating, AllMasterReplicasNotReplicatingOrDead, MasterSingleReplicaDead,
            AllCoMasterReplicasNotReplicating, DeadIntermediateMasterWithSingleReplica,
            DeadIntermediateMasterWithSingleReplicaFailingToConnect, DeadIntermediateMasterAndReplicas,
            DeadIntermediateMasterAndSomeReplicas, AllIntermediateMasterReplicasFailingToConnectOrDead,
            AllIntermediateMasterReplicasNotReplicating);

    /**
     * One analysis per instance that has a problem or a structure warning (or every instance when the context
     * asks for NoProblem entries), masters first, then by depth, then the busiest instances.
     */
    public List<ReplicationAnalysis> analyze(ClusterView cluster, AnalysisContext ctx) {
        List<ReplicationAnalysis> result = new ArrayList<>();
        for (Instance instance : cluster.instances()) {
            InstanceFacts facts = InstanceFacts.of(instance, replicasOf(instance.key(), cluster), ctx);
            Verdict verdict = DecisionChain.decide(facts, ctx);
            List<StructureWarning> warnings = StructureRules.evaluate(facts, ctx);
            if (verdict.code() == AnalysisCode.NoProblem && warnings.isEmpty() && !ctx.includeNoProblem()) {
                continue;
            }
            boolean skippable = skippableDueToDowntime(facts, verdict.code());
            if (skippable && !ctx.includeDowntimed()) {
                continue;
            }
            result.add(ReplicationAnalysis.of(facts, verdict, warnings, cluster, skippable));
        }
        result.sort(Comparator.comparing((ReplicationAnalysis a) -> !a.isMaster())
                .thenComparingInt(ReplicationAnalysis::replicationDepth)
                .thenComparing(Comparator.comparingInt(ReplicationAnalysis::countReplicas).reversed())
                .thenComparing(ReplicationAnalysis::analyzedInstanceKey));
        return List.copyOf(result);
    }

    /** Replicas are known by their own claim of a master, as in orchestrator's join on master_host/port. */
    private static List<Instance> replicasOf(InstanceKey master, ClusterView cluster) {
        return cluster.instances().stream()
                .filter(i -> Objects.equals(i.snapshot().masterKey(), master))
                .toList();
    }

    private static boolean skippableDueToDowntime(InstanceFacts f, AnalysisCode code) {
        ReplicaGroup r = f.replicas();
        boolean replicasAllDowntimed = r.count() > 0 && r.downtimed().size() == r.count();
        return f.isDowntimed() || replicasAllDowntimed && ABOUT_REPLICAS_ONLY.contains(code);
    }
}
