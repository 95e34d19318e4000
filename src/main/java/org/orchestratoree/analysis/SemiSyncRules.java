package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.AnalysisCode.LockedSemiSyncMaster;
import static org.orchestratoree.analysis.AnalysisCode.LockedSemiSyncMasterHypothesis;
import static org.orchestratoree.analysis.AnalysisCode.MasterWithTooManySemiSyncReplicas;

import java.util.Optional;
import org.orchestratoree.topology.SemiSyncState;

/**
 * A semi-sync master that still has semi-sync on (it did not fall back to async) but fewer acknowledging
 * replicas than it waits for blocks every commit. One sample could be a replica reconnecting, so it is only a
 * hypothesis until the master's binlog coordinates have stood still for the configured time. MariaDB has no wait
 * count setting: it waits for one replica, which the probe reports as a wait count of 1. With
 * EnforceExactSemiSyncReplicas, more acknowledging replicas than the wait count is a finding too.
 */
final class SemiSyncRules {

    private SemiSyncRules() {
    }

    static Optional<Verdict> evaluate(InstanceFacts f, AnalysisContext ctx) {
        SemiSyncState s = f.instance().snapshot().semiSync();
        if (!locked(s)) {
            return tooMany(f, ctx, s);
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

    private static Optional<Verdict> tooMany(InstanceFacts f, AnalysisContext ctx, SemiSyncState s) {
        if (!ctx.enforceExactSemiSyncReplicas() || !s.masterEnabled() || !s.masterStatus()
                || s.masterWaitForReplicaCount() <= 0 || s.masterClients() <= s.masterWaitForReplicaCount()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(MasterWithTooManySemiSyncReplicas, "semi-sync master " + f.key()
                + " waits for " + s.masterWaitForReplicaCount() + " acknowledgement(s) but " + s.masterClients()
                + " semi-sync replicas are connected, and EnforceExactSemiSyncReplicas asks for exactly the wait count"));
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
