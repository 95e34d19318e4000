package org.orchestratoree.recovery;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.persistence.CandidateRepository;
import org.orchestratoree.persistence.DowntimeRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.refactor.TopologyOperations;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.ReplicationRule;
import org.orchestratoree.topology.ReplicationVerdict;

/**
 * Gives the replicas of a dead intermediate master a new parent, with GTID: a suitable sibling of the dead one,
 * or its own master for any replica the sibling cannot take (or when no sibling qualifies). Replicas move in
 * parallel. The recovery succeeds when at least one replica moved; the successor is the sibling when every
 * moved replica is below it, else the master. Unreachable replicas are not tried and count as lost. The dead
 * intermediate master is downtimed {@code lost-in-recovery}. Each step is journaled.
 */
@ApplicationScoped
public class IntermediateMasterFailover {

    @Inject
    InstanceRepository instances;
    @Inject
    CandidateRepository candidates;
    @Inject
    DowntimeRepository downtimes;
    @Inject
    TopologyOperations operations;
    @Inject
    DiscoveryService discovery;
    @Inject
    RecoveryJournal journal;
    @Resource
    ManagedExecutorService executor;

    private final OrphanParentChooser chooser = new OrphanParentChooser();

    public RecoveryOutcome relocateReplicas(String uid, InstanceKey failedKey) {
        Instance failed = instances.find(failedKey)
                .orElseThrow(() -> new IllegalStateException("failed intermediate master " + failedKey + " is not known"));
        InstanceKey masterKey = failed.snapshot().masterKey();
        List<Instance> orphans = instances.findReplicasOf(failedKey);
        if (masterKey == null) {
            return failure(List.of(failedKey + " has no master of its own"), orphans);
        }
        Instance master = instances.find(masterKey).orElse(null);
        List<Instance> siblings = instances.findReplicasOf(masterKey);
        Map<InstanceKey, PromotionRule> rules = candidates.rules(Instant.now());
        OrphanParentChoice choice = chooser.choose(failed, master, siblings, orphans, rules);
        choice.skipped().forEach(s -> journal.step(uid, "not a new parent: " + s));
        if (choice.firstChoice().isEmpty()) {
            return failure(List.of("neither a sibling of " + failedKey + " nor its master " + masterKey
                    + " can take its replicas"), orphans);
        }
        journal.step(uid, choice.sibling().map(s -> "chose sibling " + s.key() + " as the new parent of "
                + failedKey + "'s replicas").orElse("no sibling qualifies; moving " + failedKey + "'s replicas up below "
                + masterKey));
        List<String> errors = new ArrayList<>();
        Map<InstanceKey, Optional<InstanceKey>> placed = move(uid, orphans, choice, errors);
        downtimes.begin(Downtime.lostInRecovery(failedKey, Instant.now()));
        journal.step(uid, "downtimed " + failedKey + " (" + Downtime.LOST_IN_RECOVERY + ")");
        Set<InstanceKey> parents = placed.values().stream().flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<InstanceKey> lost = placed.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        discovery.refreshQuietly(Stream.concat(parents.stream(), orphans.stream().map(Instance::key)).toList());
        List<InstanceKey> participating = new ArrayList<>();
        participating.add(failedKey);
        orphans.forEach(o -> participating.add(o.key()));
        participating.addAll(parents);
        if (parents.isEmpty()) {
            errors.add("no replica of " + failedKey + " could be moved");
            return new RecoveryOutcome(false, null, "", lost, participating, errors);
        }
        InstanceKey successor = parents.size() == 1 ? parents.iterator().next() : masterKey;
        return new RecoveryOutcome(true, successor, successor.toString(), lost, participating, errors);
    }

    /** Each reachable orphan in parallel; the value is where it landed, empty when it is lost. */
    private Map<InstanceKey, Optional<InstanceKey>> move(String uid, List<Instance> orphans, OrphanParentChoice choice,
                                                        List<String> errors) {
        List<Instance> parents = new ArrayList<>();
        choice.sibling().ifPresent(parents::add);
        choice.master().ifPresent(parents::add);
        Map<InstanceKey, CompletableFuture<Optional<InstanceKey>>> moves = new LinkedHashMap<>();
        for (Instance orphan : orphans) {
            if (!orphan.checks().lastCheckValid()) {
                journal.step(uid, "lost " + orphan.key() + ": not reachable");
                synchronized (errors) {
                    errors.add(orphan.key() + ": not reachable");
                }
                moves.put(orphan.key(), CompletableFuture.completedFuture(Optional.empty()));
            } else {
                moves.put(orphan.key(), CompletableFuture.supplyAsync(() -> moveOne(uid, orphan, parents, errors),
                        executor));
            }
        }
        Map<InstanceKey, Optional<InstanceKey>> placed = new LinkedHashMap<>();
        moves.forEach((key, future) -> placed.put(key, future.join()));
        return placed;
    }

    /** Tries the parents in order; a refused or failed move leaves the orphan replicating where it was. */
    private Optional<InstanceKey> moveOne(String uid, Instance orphan, List<Instance> parents, List<String> errors) {
        List<String> reasons = new ArrayList<>();
        for (Instance parent : parents) {
            ReplicationVerdict verdict = ReplicationRule.canReplicateFrom(orphan.snapshot(), parent.snapshot());
            if (!verdict.allowed()) {
                reasons.add(verdict.explanation());
                continue;
            }
            try {
                operations.repoint(orphan.key(), parent.key());
                journal.step(uid, "repointed " + orphan.key() + " below " + parent.key());
                return Optional.of(parent.key());
            } catch (RuntimeException e) {
                reasons.add("below " + parent.key() + ": " + e.getMessage());
            }
        }
        String why = String.join("; ", reasons);
        journal.step(uid, "lost " + orphan.key() + ": " + why);
        synchronized (errors) {
            errors.add(orphan.key() + ": " + why);
        }
        return Optional.empty();
    }

    private RecoveryOutcome failure(List<String> errors, List<Instance> orphans) {
        return new RecoveryOutcome(false, null, "", List.of(), orphans.stream().map(Instance::key).toList(), errors);
    }

}
