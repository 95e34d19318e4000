package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.persistence.CandidateRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.refactor.SemiSyncCommand;
import org.orchestratoree.refactor.TopologyOperations;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.SemiSyncState;

/**
 * Recovers LockedSemiSyncMaster and MasterWithTooManySemiSyncReplicas by switching replicas' semi-sync as
 * {@link SemiSyncReplicaPlan} says: enables before disables, so the master is never left short on the way.
 * Replicas with semi-sync on their master side have it switched off first, as orchestrator does (a replica must not
 * wait for acknowledgements). The master is the recovery's successor.
 */
@ApplicationScoped
public class SemiSyncRecovery {

    @Inject
    InstanceRepository instances;
    @Inject
    CandidateRepository candidates;
    @Inject
    TopologyOperations operations;
    @Inject
    DiscoveryService discovery;
    @Inject
    RecoveryJournal journal;

    public RecoveryOutcome recover(String uid, InstanceKey masterKey, boolean exact) {
        Instance master = instances.find(masterKey)
                .orElseThrow(() -> new IllegalStateException("semi-sync master " + masterKey + " is not known"));
        List<Instance> replicas = instances.findReplicasOf(masterKey);
        Map<InstanceKey, PromotionRule> rules = candidates.rules(Instant.now());
        SemiSyncState s = master.snapshot().semiSync();
        Map<InstanceKey, Boolean> actions = SemiSyncReplicaPlan.actions(s.masterWaitForReplicaCount(), s.masterClients(),
                replicas.stream().map(r -> new SemiSyncReplicaPlan.Replica(r.key(), r.checks().lastCheckValid(),
                        r.snapshot().replication() != null && r.snapshot().replication().replicating(),
                        r.snapshot().semiSync().replicaEnabled(), rules.getOrDefault(r.key(), PromotionRule.NEUTRAL)))
                        .toList(), exact);
        List<InstanceKey> participating = Stream.concat(Stream.of(masterKey), replicas.stream().map(Instance::key))
                .toList();
        if (actions.isEmpty()) {
            return new RecoveryOutcome(false, null, "", List.of(), participating, List.of("semi-sync: cannot determine"
                    + " actions based on possible semi-sync replicas; cannot recover on " + masterKey));
        }
        for (Instance r : replicas) {
            if (r.snapshot().semiSync().masterEnabled() && r.checks().lastCheckValid()) {
                try {
                    operations.setSemiSync(r.key(), SemiSyncCommand.Side.MASTER, false);
                } catch (RuntimeException e) {
                    journal.step(uid, "semi-sync: " + r.key() + ": cannot disable rpl_semi_sync_master_enabled: "
                            + e.getMessage());
                }
            }
        }
        journal.step(uid, "semi-sync: taking actions:");
        List<String> errors = new ArrayList<>();
        for (Map.Entry<InstanceKey, Boolean> action : actions.entrySet()) {
            journal.step(uid, "semi-sync: - " + action.getKey() + ": setting semi-sync replica enabled="
                    + action.getValue() + ", restarting its IO thread");
            try {
                operations.setSemiSync(action.getKey(), SemiSyncCommand.Side.REPLICA, action.getValue());
            } catch (RuntimeException e) {
                errors.add("cannot " + (action.getValue() ? "enable" : "disable") + " semi sync on replica "
                        + action.getKey() + ": " + e.getMessage());
                break;
            }
        }
        discovery.refreshQuietly(participating);
        boolean success = errors.isEmpty();
        journal.step(uid, "semi-sync: recovery complete; success = " + success);
        return success ? new RecoveryOutcome(true, masterKey, masterKey.toString(), List.of(), participating, List.of())
                : new RecoveryOutcome(false, null, "", List.of(), participating, errors);
    }
}
