package org.orchestratoree.refactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Applies {@link RelocateReplicasCommand}: each replica of the instance is relocated like a single
 * {@code relocate}, with the same checks, one after the other. The destination itself is left out when it is one
 * of the replicas. A replica that cannot move is reported and left where it was; the command fails only when none
 * could move, as orchestrator's does.
 */
@ApplicationScoped
public class ReplicaRelocationService {

    @Inject
    InstanceRepository instances;
    @Inject
    RefactorService refactor;
    @Inject
    AuditRepository audit;

    public RelocatedReplicas apply(RelocateReplicasCommand command) {
        InstanceKey key = command.key();
        Instance instance = instances.find(key).orElseThrow(() -> refused("Cannot read instance: " + key));
        InstanceKey below = command.below();
        if (below == null) {
            if (!instance.snapshot().isReplica()) {
                throw refused("Cannot relocate replicas of " + key + ": it has no master and no destination was given");
            }
            below = instance.snapshot().masterKey();
        }
        if (below.equals(key)) {
            throw refused("Cannot relocate replicas of " + key + " below itself");
        }
        InstanceKey target = below;
        instances.find(target).orElseThrow(() -> refused("Cannot read instance: " + target));
        List<Instance> replicas = instances.findReplicasOf(key).stream()
                .filter(r -> !r.key().equals(target)).toList();
        List<Instance> relocated = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Instance replica : replicas) {
            try {
                relocated.add(refactor.apply(new TopologyCommand.Relocate(replica.key(), target)));
            } catch (CommandFailedException e) {
                errors.add(e.getMessage());
            }
        }
        if (!replicas.isEmpty() && relocated.isEmpty()) {
            throw refused("Cannot relocate any of the " + replicas.size() + " replicas of " + key + " below " + target
                    + ": " + String.join("; ", errors));
        }
        audit.append("relocate-replicas", key, instance.clusterName(), "relocated " + relocated.size() + "/"
                + replicas.size() + " replicas of " + key + " below " + target);
        return new RelocatedReplicas(target, relocated, errors);
    }

    private static CommandFailedException refused(String message) {
        return new CommandFailedException(message, null);
    }
}
