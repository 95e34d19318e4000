package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.FailureDetectionRepository;
import org.orchestratoree.persistence.GlobalRecoveryRepository;
import org.orchestratoree.persistence.RecoveryRepository;

/**
 * The operator's hold on recoveries: acknowledging them (which ends their blocking active period and clears
 * the matching failure detections, so a new failure is noticed at once) and the global on/off switch.
 */
@ApplicationScoped
public class RecoveryStateService {

    @Inject
    RecoveryRepository recoveries;
    @Inject
    FailureDetectionRepository detections;
    @Inject
    GlobalRecoveryRepository globalRecovery;
    @Inject
    AuditRepository audit;

    public int apply(AckRecoveryCommand c) {
        Instant at = c.at();
        int count;
        String what;
        if (c.allRecoveries()) {
            detections.clearAll(at);
            count = recoveries.acknowledgeAll(c.owner(), c.comment(), at);
            what = "all recoveries";
        } else if (c.clusterName() != null) {
            String alias = c.clusterAlias() == null ? "" : c.clusterAlias();
            detections.clearCluster(c.clusterName(), alias, at);
            count = recoveries.acknowledgeCluster(c.clusterName(), alias, c.owner(), c.comment(), at);
            what = "recoveries of cluster " + c.clusterName();
        } else if (c.key() != null) {
            detections.clearInstance(c.key(), at);
            count = recoveries.acknowledgeInstance(c.key(), c.owner(), c.comment(), at);
            what = "recoveries of " + c.key();
        } else if (c.uid() != null) {
            count = recoveries.acknowledgeByUid(c.uid(), c.owner(), c.comment(), at);
            what = "recovery " + c.uid();
        } else {
            count = recoveries.acknowledgeById(c.recoveryId(), c.owner(), c.comment(), at);
            what = "recovery " + c.recoveryId();
        }
        audit.append("ack-recovery", c.key(), c.clusterName(), "acknowledged " + what + " (" + count + "), by "
                + c.owner() + ": " + c.comment());
        return count;
    }

    public boolean apply(GlobalRecoveriesCommand c) {
        if (c.enable()) {
            globalRecovery.enable();
        } else {
            globalRecovery.disable();
        }
        audit.append(c.name(), null, "", c.enable() ? "Globally enabled recoveries" : "Globally disabled recoveries");
        return true;
    }

    public boolean globalRecoveriesDisabled() {
        return globalRecovery.isDisabled();
    }
}
