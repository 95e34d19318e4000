package org.orchestratoree.recovery;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.orchestratoree.analysis.ReplicationAnalysis;
import org.orchestratoree.config.Configuration;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.FailoverConfiguration;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.ha.NodeIdentity;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.BlockedRecoveryRepository;
import org.orchestratoree.persistence.FailureDetectionRepository;
import org.orchestratoree.persistence.RecoveryRepository;
import org.orchestratoree.refactor.TopologyOperations;
import org.orchestratoree.topology.BlockedRecovery;
import org.orchestratoree.topology.FailureDetection;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * Decides whether a detected failure is recovered, and runs the recovery: only on the leader, only for clusters
 * the filters of its {@link RecoveryType} cover, never before the first discovery pass, never while global
 * recoveries are disabled, and not again within RecoveryPeriodBlockSeconds of an unacknowledged recovery (such
 * attempts are recorded as blocked). A dead master is blocked by any recovery of its cluster, as in orchestrator;
 * a dead intermediate master only by one of the same instance, so that two intermediate masters of a cluster can
 * fail and both be recovered. Either is blocked when it was itself recently promoted (flapping). Hooks run around
 * the failover with orchestrator's placeholders.
 */
@ApplicationScoped
public class RecoveryCoordinator {

    private static final Logger LOG = Logger.getLogger(RecoveryCoordinator.class.getName());
    @Inject
    Leadership leadership;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    DiscoveryService discovery;
    @Inject
    RecoveryStateService recoveryState;
    @Inject
    RecoveryRepository recoveries;
    @Inject
    BlockedRecoveryRepository blocked;
    @Inject
    FailureDetectionRepository detections;
    @Inject
    AuditRepository audit;
    @Inject
    MasterFailover masterFailover;
    @Inject
    IntermediateMasterFailover intermediateMasterFailover;
    @Inject
    CoMasterFailover coMasterFailover;
    @Inject
    SemiSyncRecovery semiSyncRecovery;
    @Inject
    RecoveryJournal journal;
    @Inject
    KvFailoverStep kvStep;
    @Inject
    HookClusterDetails hookClusterDetails;
    @Inject
    AliasFollowStep aliasStep;
    @Inject
    TopologyOperations operations;
    @Resource
    ManagedExecutorService executor;

    /** Clusters with a recovery under way on this node; a second detection of them waits. */
    private final Set<String> recovering = ConcurrentHashMap.newKeySet();
    /** Recoveries this node is running, and unfinished ones of other nodes it has already audited. */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final Set<String> auditedOrphans = ConcurrentHashMap.newKeySet();

    void onFailure(@Observes FailureDetected event) {
        ReplicationAnalysis a = event.analysis();
        Optional<RecoveryType> type = RecoveryType.of(a.analysis());
        if (type.isEmpty() || recovering.contains(a.clusterName())) {
            return;
        }
        executor.execute(() -> recoverAutomatically(a, type.get()));
    }

    private void recoverAutomatically(ReplicationAnalysis a, RecoveryType type) {
        Configuration config = configuration.get();
        registerDetection(a, config);
        if (!leadership.isLeader() || recoveryState.globalRecoveriesDisabled() || !discovery.firstPassDone()
                || !automatic(type, a, config)) {
            return;
        }
        recover(a, config);
    }

    /** Cluster filters decide for failed servers; the semi-sync keys decide for semi-sync masters. */
    private static boolean automatic(RecoveryType type, ReplicationAnalysis a, Configuration config) {
        if (type == RecoveryType.SEMI_SYNC) {
            return config.semiSync().enforceExactSemiSyncReplicas()
                    || config.semiSync().recoverLockedSemiSyncMaster()
                    && a.analysis() == org.orchestratoree.analysis.AnalysisCode.LockedSemiSyncMaster;
        }
        return RecoveryFilters.covers(type.clusterFilters(config.recovery()), a.clusterName(), a.clusterAlias());
    }

    /** Runs the recovery of a failed master or intermediate master unless a recent one blocks it; empty when none ran. */
    public Optional<TopologyRecovery> recover(ReplicationAnalysis a, Configuration config) {
        Optional<RecoveryType> type = RecoveryType.of(a.analysis());
        // one recovery per cluster at a time on this node: a master failover and an intermediate one would collide
        if (type.isEmpty() || !recovering.add(a.clusterName())) {
            return Optional.empty();
        }
        try {
            Instant now = Instant.now();
            Duration block = config.recovery().recoveryPeriodBlock();
            recoveries.clearActivePeriodsBefore(now.minus(block), now);
            Optional<TopologyRecovery> blocking = blockingRecovery(a, type.get());
            if (blocking.isPresent()) {
                auditIfOrphaned(blocking.get());
                blocked.register(new BlockedRecovery(a.analyzedInstanceKey(), a.clusterName(), a.analysis().toString(),
                        now, blocking.get().id()));
                return Optional.empty();
            }
            return start(a, type.get(), config.failover(), "recover", Optional.empty());
        } finally {
            recovering.remove(a.clusterName());
        }
    }

    /**
     * An operator's recovery (force-master-failover, force-master-takeover, recover): no filters and no
     * anti-flapping block, since someone asked for it. The instance's completed recoveries are acknowledged
     * implicitly, as orchestrator does, so that their active period does not stop this one registering.
     *
     * @param commandHint orchestrator's {command} placeholder, e.g. {@code force-master-failover}
     */
    public TopologyRecovery forceRecover(ReplicationAnalysis a, Configuration config, String commandHint,
                                         Optional<InstanceKey> designated, boolean skipProcesses) {
        FailoverConfiguration f = skipProcesses ? config.failover().withoutProcesses() : config.failover();
        RecoveryType type = RecoveryType.of(a.analysis()).orElse(RecoveryType.MASTER);
        return exclusively(a.clusterName(), () -> {
            InstanceKey key = a.analyzedInstanceKey();
            recoveries.acknowledgeInstanceCompleted(key, "orchestrator",
                    "implicit acknowledge due to user invocation of recovery on same instance: " + key, Instant.now());
            return start(a, type, f, commandHint, designated).orElseThrow(() -> new CommandFailedException(
                    "Cannot register a recovery of " + key + ": another one is in progress"));
        });
    }

    /** Runs work on a cluster no other recovery or takeover of this node is changing. */
    public <T> T exclusively(String clusterName, Supplier<T> work) {
        if (!recovering.add(clusterName)) {
            throw new CommandFailedException("A recovery of cluster " + clusterName + " is already in progress");
        }
        try {
            return work.get();
        } finally {
            recovering.remove(clusterName);
        }
    }

    private Optional<TopologyRecovery> start(ReplicationAnalysis a, RecoveryType type, FailoverConfiguration f,
                                             String commandHint, Optional<InstanceKey> designated) {
        String uid = UUID.randomUUID().toString();
        Optional<TopologyRecovery> registered = recoveries.register(TopologyRecovery.starting(uid,
                a.analyzedInstanceKey(), a.clusterName(), a.clusterAlias(), a.analysis().toString(), a.reason(),
                a.replicas(), Instant.now(), NodeIdentity.hostname()));
        if (registered.isEmpty()) {
            return Optional.empty();
        }
        runningHere.add(uid);
        try {
            run(uid, a, type, f, commandHint, designated);
        } finally {
            runningHere.remove(uid);
        }
        return recoveries.byUid(uid);
    }

    /**
     * A recovery still unfinished that this node is not running was left by a leader that stopped (its lead
     * moved in the middle of it). Its registration keeps blocking the failure, so it is not run twice; the
     * leader that finds it says so in its steps, once, for the operator to check the servers and acknowledge it.
     */
    private void auditIfOrphaned(TopologyRecovery r) {
        if (r.finished() || runningHere.contains(r.uid()) || !leadership.isLeader() || !auditedOrphans.add(r.uid())) {
            return;
        }
        String self = leadership.activeNode().map(n -> n.httpAddress()).orElse(NodeIdentity.hostname());
        journal.step(r.uid(), "found unfinished by the leader " + self + ": the node that ran it stopped before it "
                + "ended; not run again. Check " + r.clusterName() + " and acknowledge this recovery to allow another");
        LOG.warning("recovery " + r.uid() + " of " + r.failedKey() + " was left unfinished by its node; not run again");
    }

    private Optional<TopologyRecovery> blockingRecovery(ReplicationAnalysis a, RecoveryType type) {
        java.util.stream.Stream<TopologyRecovery> sameScope = recoveries.inActivePeriod(a.clusterName()).stream()
                .filter(r -> type.blockedByCluster() || r.failedKey().equals(a.analyzedInstanceKey()));
        return java.util.stream.Stream.concat(sameScope,
                        recoveries.inActivePeriodWithSuccessor(a.analyzedInstanceKey()).stream())
                .filter(r -> !r.acknowledged()).findFirst();
    }

    private void run(String uid, ReplicationAnalysis a, RecoveryType type, FailoverConfiguration f,
                     String commandHint, Optional<InstanceKey> designated) {
        journal.step(uid, "will recover " + a.analysis() + " on " + a.analyzedInstanceKey() + ": " + a.reason());
        audit.append(type.auditType(), a.analyzedInstanceKey(), a.clusterName(), "Recovery " + uid + " started");
        HookRunner hooks = new HookRunner(f.processesShellCommand(), Duration.ofMinutes(1));
        HookContext context = hookClusterDetails.complete(new HookContext(a.analysis().toString(), a.reason(),
                commandHint, a.analyzedInstanceKey(), a.isMaster(), a.isCoMaster(), a.clusterName(), a.clusterAlias(),
                a.countReplicas(), a.replicas(), a.isDowntimed(), NodeIdentity.hostname(), uid, null, List.of(), false),
                configuration.get().recovery());
        List<HookRunner.HookResult> pre = hooks.run(f.preFailoverProcesses(), context, true);
        pre.forEach(h -> journal.step(uid, h.describe()));
        RecoveryOutcome outcome;
        if (pre.stream().anyMatch(h -> !h.succeeded())) {
            outcome = new RecoveryOutcome(false, null, "", List.of(), a.replicas(),
                    List.of("PreFailoverProcesses failed; recovery aborted"));
        } else {
            outcome = switch (type) {
                case MASTER -> promote(uid, a, f, designated);
                case CO_MASTER -> promoteForCoMaster(uid, a, f, designated);
                case SEMI_SYNC -> semiSync(uid, a);
                case INTERMEDIATE_MASTER -> relocateReplicas(uid, a);
                case NON_WRITEABLE_MASTER -> makeWriteable(uid, a);
            };
        }
        recoveries.resolve(uid, outcome, Instant.now());
        if (type.replacesMaster() && outcome.successful() && outcome.successor() != null) {
            // before the post hooks, so that scripts and proxies follow the new master as soon as possible
            aliasStep.handOver(uid, a.clusterName(), a.clusterAlias(), outcome.successor());
            kvStep.publish(uid, a.clusterAlias(), outcome.successor());
        }
        HookContext done = context.withOutcome(outcome.successor(), outcome.lostReplicas(), outcome.successful());
        List<String> post = outcome.successful() ? type.postSuccessHooks(f) : f.postUnsuccessfulFailoverProcesses();
        hooks.run(post, done, false).forEach(h -> journal.step(uid, h.describe()));
        String summary = !outcome.successful() ? "failed: " + String.join("; ", outcome.allErrors())
                : type == RecoveryType.SEMI_SYNC ? "switched replicas' semi-sync for " + a.analyzedInstanceKey()
                : type.replacesMaster() ? "promoted " + outcome.successor() + " to replace " + a.analyzedInstanceKey()
                : type == RecoveryType.NON_WRITEABLE_MASTER ? "made " + a.analyzedInstanceKey() + " writeable"
                : "relocated replicas of " + a.analyzedInstanceKey() + " below " + outcome.successor()
                + (outcome.lostReplicas().isEmpty() ? "" : "; lost " + outcome.lostReplicas());
        journal.step(uid, summary);
        audit.append(type.auditType(), a.analyzedInstanceKey(), a.clusterName(), "Recovery " + uid + " " + summary);
        LOG.warning("recovery " + uid + " of " + a.analyzedInstanceKey() + ": " + summary);
    }

    private RecoveryOutcome promote(String uid, ReplicationAnalysis a, FailoverConfiguration f,
                                    Optional<InstanceKey> designated) {
        try {
            return masterFailover.promote(uid, a.analyzedInstanceKey(), settings(f), designated);
        } catch (RuntimeException e) {
            return new RecoveryOutcome(false, null, "", List.of(), a.replicas(), List.of(String.valueOf(e.getMessage())));
        }
    }

    private RecoveryOutcome promoteForCoMaster(String uid, ReplicationAnalysis a, FailoverConfiguration f,
                                               Optional<InstanceKey> designated) {
        try {
            return coMasterFailover.promote(uid, a.analyzedInstanceKey(), settings(f),
                    f.coMasterRecoveryMustPromoteOtherCoMaster(), designated);
        } catch (RuntimeException e) {
            return new RecoveryOutcome(false, null, "", List.of(), a.replicas(), List.of(String.valueOf(e.getMessage())));
        }
    }

    private RecoveryOutcome semiSync(String uid, ReplicationAnalysis a) {
        try {
            return semiSyncRecovery.recover(uid, a.analyzedInstanceKey(),
                    configuration.get().semiSync().enforceExactSemiSyncReplicas());
        } catch (RuntimeException e) {
            return new RecoveryOutcome(false, null, "", List.of(), a.replicas(), List.of(String.valueOf(e.getMessage())));
        }
    }

    private static FailoverSettings settings(FailoverConfiguration f) {
        return new FailoverSettings(
                new PromotionConstraints(f.preventCrossDataCenterMasterFailover(), f.preventCrossRegionMasterFailover(),
                        f.failMasterPromotionOnLagMinutes()),
                f.failMasterPromotionIfSqlThreadNotUpToDate(), f.applyMySqlPromotionAfterMasterFailover(),
                Duration.ofSeconds(10));
    }

    /**
     * Orchestrator's checkAndRecoverNonWriteableMaster: the master is made writable, nobody is promoted, so the
     * recovery has no successor.
     */
    private RecoveryOutcome makeWriteable(String uid, ReplicationAnalysis a) {
        InstanceKey master = a.analyzedInstanceKey();
        audit.append("recover-non-writeable-master", master, a.clusterName(), "problem found; will recover");
        journal.step(uid, "will make " + master + " writeable");
        try {
            operations.setReadOnly(master, false);
        } catch (RuntimeException e) {
            return new RecoveryOutcome(false, null, "", List.of(), List.of(master), List.of(String.valueOf(e.getMessage())));
        }
        journal.step(uid, "set " + master + " writable");
        audit.append("set-writeable", master, a.clusterName(), "set as writeable");
        discovery.refreshQuietly(List.of(master));
        return new RecoveryOutcome(true, null, "", List.of(), List.of(master), List.of());
    }

    private RecoveryOutcome relocateReplicas(String uid, ReplicationAnalysis a) {
        try {
            return intermediateMasterFailover.relocateReplicas(uid, a.analyzedInstanceKey());
        } catch (RuntimeException e) {
            return new RecoveryOutcome(false, null, "", List.of(), a.replicas(), List.of(String.valueOf(e.getMessage())));
        }
    }

    /** A detection is registered once per active period; OnFailureDetectionProcesses run for new ones only. */
    private void registerDetection(ReplicationAnalysis a, Configuration config) {
        FailoverConfiguration f = config.failover();
        try {
            Instant now = Instant.now();
            // FailureDetectionPeriodBlockMinutes: the same failure is registered (and its hooks run) once a period
            detections.clearActivePeriodsBefore(now.minus(config.recovery().failureDetectionPeriodBlock()), now);
            Optional<FailureDetection> fresh = detections.register(FailureDetection.starting(a.analyzedInstanceKey(),
                    a.clusterName(), a.clusterAlias(), a.analysis().toString(), a.countReplicas(), a.actionable(),
                    Instant.now(), NodeIdentity.hostname()));
            if (fresh.isPresent() && !f.onFailureDetectionProcesses().isEmpty()) {
                HookContext context = hookClusterDetails.complete(new HookContext(a.analysis().toString(),
                        a.reason(), "detection", a.analyzedInstanceKey(), a.isMaster(), a.isCoMaster(),
                        a.clusterName(), a.clusterAlias(), a.countReplicas(), a.replicas(), a.isDowntimed(),
                        NodeIdentity.hostname(), "", null, List.of(), false), config.recovery());
                new HookRunner(f.processesShellCommand(), Duration.ofMinutes(1))
                        .run(f.onFailureDetectionProcesses(), context, false);
            }
        } catch (RuntimeException e) {
            LOG.warning("detection of " + a.analyzedInstanceKey() + " not registered: " + e.getMessage());
        }
    }
}
