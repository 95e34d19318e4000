package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.RecoveryOutcome;

/**
 * Replaces a dead co-master, as orchestrator's recoverDeadCoMaster decides: the other co-master must be the one
 * promoted when CoMasterRecoveryMustPromoteOtherCoMaster is set, or when it is writable (demoting a writer to
 * promote someone else would lose its writes); otherwise the best of the dead co-master's replicas is chosen,
 * the other co-master among them. The promotion itself is a master failover: the successor is detached (which
 * also breaks the co-master circle when it is the other co-master), made writable, and every other replica of
 * the dead co-master is repointed below it. No new co-master pair is set up.
 */
@ApplicationScoped
public class CoMasterFailover {

    @Inject
    InstanceRepository instances;
    @Inject
    MasterFailover masterFailover;
    @Inject
    RecoveryJournal journal;

    public RecoveryOutcome promote(String uid, InstanceKey failedKey, FailoverSettings settings,
                                   boolean mustPromoteOtherCoMaster, Optional<InstanceKey> designated) {
        Instance failed = instances.find(failedKey)
                .orElseThrow(() -> new IllegalStateException("failed co-master " + failedKey + " is not known"));
        InstanceKey otherKey = failed.snapshot().masterKey();
        Optional<Instance> other = otherKey == null ? Optional.empty() : instances.find(otherKey);
        if (other.isEmpty()) {
            return new RecoveryOutcome(false, null, "", List.of(), List.of(failedKey), List.of(
                    "could not read info for co-master " + otherKey + " of " + failedKey));
        }
        boolean must = mustPromoteOtherCoMaster;
        if (!other.get().snapshot().readOnly()) {
            journal.step(uid, "other co-master " + otherKey + " is writeable hence has to be promoted");
            must = true;
        }
        journal.step(uid, "mustPromoteOtherCoMaster? " + must);
        if (must && designated.isPresent() && !designated.get().equals(otherKey)) {
            return new RecoveryOutcome(false, null, "", List.of(), List.of(failedKey), List.of("could not manage to"
                    + " promote other co-master " + otherKey + "; " + designated.get() + " was asked for, and the other"
                    + " co-master must be promoted (CoMasterRecoveryMustPromoteOtherCoMaster is true, or it is"
                    + " writeable)"));
        }
        Optional<InstanceKey> successor = must ? Optional.of(otherKey) : designated;
        RecoveryOutcome outcome = masterFailover.promote(uid, failedKey, settings, successor);
        if (must && !outcome.successful()) {
            List<String> errors = new ArrayList<>();
            errors.add("could not manage to promote other co-master " + otherKey + "; the other co-master must be"
                    + " promoted (CoMasterRecoveryMustPromoteOtherCoMaster is true, or it is writeable)");
            errors.addAll(outcome.allErrors());
            return new RecoveryOutcome(false, null, "", outcome.lostReplicas(), outcome.participatingInstances(),
                    errors);
        }
        return outcome;
    }
}
