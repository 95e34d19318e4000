package org.orchestratoree.topology;

import java.util.List;

/**
 * How a recovery ended, written when it is resolved.
 *
 * @param successor the promoted instance, null when nothing was promoted
 */
public record RecoveryOutcome(
        boolean successful,
        InstanceKey successor,
        String successorAlias,
        List<InstanceKey> lostReplicas,
        List<InstanceKey> participatingInstances,
        List<String> allErrors) {

    public RecoveryOutcome {
        successorAlias = successorAlias == null ? "" : successorAlias;
        lostReplicas = List.copyOf(lostReplicas);
        participatingInstances = List.copyOf(participatingInstances);
        allErrors = List.copyOf(allErrors);
    }
}
