package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.LockedSemiSyncMaster;
import static org.orchestratoree.analysis.AnalysisCode.LockedSemiSyncMasterHypothesis;

import java.util.Optional;
import org.orchestratoree.topology.SemiSyncState;

/**
 * A semi-sync master that still has semi-sync on (it did not fall back to async) but fewer acknowledging
 * replicas than it waits for blocks every commit. One sample could be a replica reconnecting, so it is only a
 * hypothesis until the master's binlog coordinates have stood still for the configured time.
 */
final class SemiSyncRules {

    private SemiSyncRules() {
    }

    static Optional<Verdict> evaluate(InstanceFacts f, AnalysisContext ctx) {
        SemiSyncState s = f.instance().snapshot().semiSync();
        if (!locked(s)) {
            return Optional.empty();
        }
        String what = "semi-sync master " + f.key() + " waits for " + s.masterWaitForReplicaCount()
                + " acknowledgement(s) but only " + s.masterClients() + " semi-sync replica(s) are connected"
                + (f.replicas().semiSyncEnabled().isEmpty() ? "" : " (semi-sync enabled on "
                        + Reasons.keys(f.replicas().semiSyncEnabled()) + ")");
        if (ctx.binlogStale(f.key())) {
            return Optional.of(new Verdict(LockedSemiSyncMaster, what + ", and its binlog has not moved for over "
                    + ctx.lockedSemiSyncMasterSeconds() + "s: writes are blocked"));
        }
        return Optional.of(new Verdict(LockedSemiSyncMasterHypothesis, what + "; its binlog has not yet stood still"
                + " for " + ctx.lockedSemiSyncMasterSeconds() + "s, so more samples are needed"));
    }

    static boolean locked(SemiSyncState s) {
        return s.masterEnabled() && s.masterStatus() && waitsForMoreThanConnected(s);
    }

    /** Semi-sync switched itself off (timed out to async): not locked, but the durability promise is gone. */
    static boolean fellBackToAsync(SemiSyncState s) {
        return s.masterEnabled() && !s.masterStatus() && waitsForMoreThanConnected(s);
    }

    private static boolean waitsForMoreThanConnected(SemiSyncState s) {
        return s.masterWaitForReplicaCount() > 0 && s.masterClients() < s.masterWaitForReplicaCount();
    }
}
