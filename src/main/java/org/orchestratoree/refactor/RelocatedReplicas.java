package org.orchestratoree.refactor;

import java.util.List;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * What relocate-replicas did: the replicas now below {@code below}, as re-probed, and one message per replica
 * that could not be moved (it keeps replicating where it was).
 */
public record RelocatedReplicas(InstanceKey below, List<Instance> relocated, List<String> errors) {

    public RelocatedReplicas {
        relocated = List.copyOf(relocated);
        errors = List.copyOf(errors);
    }
}
