package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.BinlogServerFailingToConnectToMaster;
import static org.orchestratoree.analysis.AnalysisCode.FirstTierReplicaFailingToConnectToMaster;

import java.util.Optional;

/**
 * Rules about an instance's own link to its master, checked last. A first-tier replica that cannot reach the
 * master is an early witness of a master problem; leaves further down are of no interest to failure detection.
 */
final class ReplicaRules {

    private ReplicaRules() {
    }

    static Optional<Verdict> evaluate(InstanceFacts f) {
        if (!f.failingToConnectToMaster()) {
            return Optional.empty();
        }
        String evidence = MasterConnectionError.evidence(f.instance().snapshot().replication());
        if (f.isBinlogServer()) {
            return Optional.of(new Verdict(BinlogServerFailingToConnectToMaster, "binlog server " + f.key()
                    + " fails to connect to its master " + f.masterKey() + " (" + evidence + ")"));
        }
        if (f.replicationDepth() == 1) {
            return Optional.of(new Verdict(FirstTierReplicaFailingToConnectToMaster, "replica " + f.key()
                    + " fails to connect to its master " + f.masterKey() + " (" + evidence + ")"));
        }
        return Optional.empty();
    }
}
