package org.orchestratoree.recovery;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

/**
 * Replaces a dead master by one of its replicas, with GTID: choose the candidate, let it apply what it already
 * received, detach it, then in parallel make it writable and repoint every other replica below it. The dead
 * master is downtimed {@code lost-in-recovery}. Each step is journaled.
 */
@ApplicationScoped
public class MasterFailover {

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

    private final CandidateChooser chooser = new CandidateChooser();

    public RecoveryOutcome promote(String uid, InstanceKey failedKey, FailoverSettings settings) {
        return promote(uid, failedKey, settings, Optional.empty());
    }

    /**
     * @param designated the replica an operator asked for (force-master-takeover, recover with a candidate): it
     *                   must replicate directly from the failed master; location and lag limits do not apply to
     *                   it, but a {@code must_not} rule, an unanswered probe or a missing binary log still do
     */
    public RecoveryOutcome promote(String uid, InstanceKey failedKey, FailoverSettings settings,
                                   Optional<InstanceKey> designated) {
        Instance failed = instances.find(failedKey)
                .orElseThrow(() -> new IllegalStateException("failed master " + failedKey + " is not known"));
        List<Instance> replicas = instances.findReplicasOf(failedKey);
        Instant now = Instant.now();
        Map<InstanceKey, PromotionRule> rules = candidates.rules(now);
        List<Instance> eligible = replicas;
        PromotionConstraints constraints = settings.constraints();
        if (designated.isPresent()) {
            eligible = replicas.stream().filter(r -> r.key().equals(designated.get())).toList();
            if (eligible.isEmpty()) {
                return failure(List.of("You may only promote a direct child of the master " + failedKey + ". "
                        + designated.get() + " does not replicate from it"), replicas);
            }
            constraints = PromotionConstraints.NONE;
        }
        CandidateChoice choice = chooser.choose(failed, eligible, rules, constraints);
        choice.skipped().forEach(s -> journal.step(uid, "not a candidate: " + s));
        if (choice.candidate().isEmpty()) {
            return failure(List.of("no replica of " + failedKey + " can be promoted"
                    + (choice.skipped().isEmpty() ? "" : ": " + String.join("; ", choice.skipped()))), replicas);
        }
        InstanceKey successor = choice.candidate().get().key();
        journal.step(uid, "chose " + successor + " (" + rules.getOrDefault(successor, PromotionRule.NEUTRAL)
                + ") to replace " + failedKey);
        List<String> errors = new ArrayList<>();
        if (!operations.waitUntilRelayLogApplied(successor, settings.relayLogWait())) {
            String message = successor + " did not apply its relay log within " + settings.relayLogWait().toMillis() + " ms";
            if (settings.failIfSqlThreadNotUpToDate()) {
                return failure(List.of(message + " (FailMasterPromotionIfSQLThreadNotUpToDate)"), replicas);
            }
            journal.step(uid, message + "; promoting anyway");
        }
        try {
            operations.detachReplication(successor);
            journal.step(uid, "detached " + successor + " from " + failedKey);
        } catch (RuntimeException e) {
            return failure(List.of("cannot detach " + successor + ": " + e.getMessage()), replicas);
        }
        List<InstanceKey> lost = repointOthersAndOpen(uid, successor, replicas, settings, errors);
        downtimes.begin(Downtime.lostInRecovery(failedKey, Instant.now()));
        journal.step(uid, "downtimed " + failedKey + " (" + Downtime.LOST_IN_RECOVERY + ")");
        discovery.refreshQuietly(Stream.concat(Stream.of(successor), replicas.stream().map(Instance::key)).toList());
        List<InstanceKey> participating = new ArrayList<>();
        participating.add(failedKey);
        replicas.forEach(r -> participating.add(r.key()));
        return new RecoveryOutcome(true, successor, successor.toString(), lost, participating, errors);
    }

    /** The successor opens for writes while the siblings move below it: neither waits for the other. */
    private List<InstanceKey> repointOthersAndOpen(String uid, InstanceKey successor, List<Instance> replicas,
                                                   FailoverSettings settings, List<String> errors) {
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> {
            if (settings.applyPromotion()) {
                operations.setReadOnly(successor, false);
                journal.step(uid, "set " + successor + " writable");
            }
        }, executor);
        List<InstanceKey> others = replicas.stream().map(Instance::key).filter(k -> !k.equals(successor)).toList();
        List<CompletableFuture<InstanceKey>> moves = others.stream().map(k -> CompletableFuture.supplyAsync(() -> {
            try {
                operations.repoint(k, successor);
                journal.step(uid, "repointed " + k + " below " + successor);
                return (InstanceKey) null;
            } catch (RuntimeException e) {
                journal.step(uid, "lost " + k + ": " + e.getMessage());
                synchronized (errors) {
                    errors.add(k + ": " + e.getMessage());
                }
                return k;
            }
        }, executor)).toList();
        try {
            open.join();
        } catch (RuntimeException e) {
            errors.add("cannot make " + successor + " writable: " + e.getMessage());
            journal.step(uid, "cannot make " + successor + " writable: " + e.getMessage());
        }
        return moves.stream().map(CompletableFuture::join).filter(k -> k != null).toList();
    }

    private RecoveryOutcome failure(List<String> errors, List<Instance> replicas) {
        return new RecoveryOutcome(false, null, "", List.of(), replicas.stream().map(Instance::key).toList(), errors);
    }

}
