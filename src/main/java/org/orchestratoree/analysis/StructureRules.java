package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.StructureWarning.DifferentGTIDModesStructureWarning;
import static org.orchestratoree.analysis.StructureWarning.ErrantGTIDStructureWarning;
import static org.orchestratoree.analysis.StructureWarning.NoFailoverSupportStructureWarning;
import static org.orchestratoree.analysis.StructureWarning.NoLoggingReplicasStructureWarning;
import static org.orchestratoree.analysis.StructureWarning.NoWriteableMasterStructureWarning;
import static org.orchestratoree.analysis.StructureWarning.NotEnoughValidSemiSyncReplicasStructureWarning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceSnapshot;

/** Checks whether a failover around this instance would be possible and safe; independent of its code. */
final class StructureRules {

    private StructureRules() {
    }

    static List<StructureWarning> evaluate(InstanceFacts f, AnalysisContext ctx) {
        List<StructureWarning> warnings = new ArrayList<>();
        ReplicaGroup r = f.replicas();
        InstanceSnapshot self = f.instance().snapshot();
        if (f.isMaster() && r.count() > 1 && count(r.all(), StructureRules::logsReplicatedWrites) == 0) {
            warnings.add(NoLoggingReplicasStructureWarning);
        }
        if (f.isMaster() && r.count() > 1 && !canRepointReplicas(r)) {
            warnings.add(NoFailoverSupportStructureWarning);
        }
        if (!f.neverSeen() && r.all().stream()
                .anyMatch(x -> !Objects.equals(x.snapshot().gtid().gtidMode(), self.gtid().gtidMode()))) {
            warnings.add(DifferentGTIDModesStructureWarning);
        }
        if (hasErrantReplica(f, ctx)) {
            warnings.add(ErrantGTIDStructureWarning);
        }
        if (f.isMaster() && !f.neverSeen() && self.readOnly()) {
            warnings.add(NoWriteableMasterStructureWarning);
        }
        if (f.isMaster() && SemiSyncRules.fellBackToAsync(self.semiSync())) {
            warnings.add(NotEnoughValidSemiSyncReplicasStructureWarning);
        }
        return List.copyOf(warnings);
    }

    /** A replica can take the others over only if it writes what it replicates to its own binlog. */
    private static boolean logsReplicatedWrites(Instance replica) {
        return replica.snapshot().binlog().logBinEnabled() && replica.snapshot().binlog().logReplicaUpdates();
    }

    /**
     * Replicas can be moved under a new master when every reachable one uses MySQL GTID, or every one uses
     * MariaDB GTID, or they all hang off binlog servers. (Pseudo-GTID is not modelled.)
     */
    private static boolean canRepointReplicas(ReplicaGroup r) {
        int valid = r.countValid();
        return valid > 0 && (count(r.valid(), x -> x.snapshot().gtid().usingOracleGtid()) == valid
                || count(r.valid(), x -> x.snapshot().gtid().usingMariaDbGtid()) == valid
                || count(r.valid(), x -> InstanceFacts.isBinlogServer(x.snapshot().version())) == valid);
    }

    /**
     * A replica holding transactions its master never executed, as worked out when the replica was probed
     * (both GTID flavors; see ErrantGtidRule). Replicas that did not answer their last probe, and downtimed
     * ones, which are often being worked on, are left out.
     */
    private static boolean hasErrantReplica(InstanceFacts f, AnalysisContext ctx) {
        return f.replicas().valid().stream()
                .filter(x -> !ctx.downtimed().contains(x.key()))
                .anyMatch(x -> x.lineage().hasErrantGtids());
    }

    private static long count(List<Instance> instances, Predicate<Instance> test) {
        return instances.stream().filter(test).count();
    }
}
