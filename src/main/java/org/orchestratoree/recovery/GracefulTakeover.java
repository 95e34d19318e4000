package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.orchestratoree.config.Configuration;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.FailoverConfiguration;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.NodeIdentity;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.CandidateRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.persistence.RecoveryRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * A planned master switch: the cluster's master hands over to one of its direct replicas without losing a
 * write. Recorded as a recovery (analysis {@code GracefulMasterTakeover}) with its journal, between
 * PreGracefulTakeoverProcesses (a failing one aborts before anything changes) and PostGracefulTakeoverProcesses,
 * or PostUnsuccessfulFailoverProcesses when it fails. The server changes are {@link TakeoverSteps}'.
 */
@ApplicationScoped
public class GracefulTakeover {

    static final String ANALYSIS = "GracefulMasterTakeover";
    private static final Logger LOG = Logger.getLogger(GracefulTakeover.class.getName());

    @Inject
    CurrentConfiguration configuration;
    @Inject
    HookClusterDetails hookClusterDetails;
    @Inject
    ClusterDirectory clusters;
    @Inject
    InstanceRepository instances;
    @Inject
    CandidateRepository candidates;
    @Inject
    RecoveryRepository recoveries;
    @Inject
    RecoveryJournal journal;
    @Inject
    KvFailoverStep kvStep;
    @Inject
    AliasFollowStep aliasStep;
    @Inject
    AuditRepository audit;
    @Inject
    DiscoveryService discovery;
    @Inject
    RecoveryCoordinator coordinator;
    @Inject
    TakeoverSteps steps;

    private final TakeoverTarget targets = new TakeoverTarget();

    /** The recovery record, successful or not; a refusal before anything changed throws instead. */
    public TopologyRecovery takeover(String clusterName, Optional<InstanceKey> designated, boolean auto) {
        return coordinator.exclusively(clusterName, () -> run(clusterName, designated, auto));
    }

    private TopologyRecovery run(String clusterName, Optional<InstanceKey> designated, boolean auto) {
        Configuration config = configuration.get();
        FailoverConfiguration f = config.failover();
        Instance master = clusters.master(clusterName).filter(i -> !i.snapshot().isReplica())
                .orElseThrow(() -> new CommandFailedException("Cannot deduce cluster master for " + clusterName));
        List<Instance> replicas = instances.findReplicasOf(master.key());
        Map<InstanceKey, PromotionRule> rules = candidates.rules(Instant.now());
        Instance target = targets.designate(master, replicas, designated, auto, rules,
                config.discovery().reasonableReplicationLagSeconds());
        List<Instance> siblings = replicas.stream().filter(r -> !r.key().equals(target.key())).toList();
        String command = auto ? "graceful-master-takeover-auto" : "graceful-master-takeover";
        String uid = register(clusterName, master, target, replicas);
        String alias = clusters.clusterInfo(clusterName).clusterAlias();
        List<InstanceKey> replicaKeys = replicas.stream().map(Instance::key).toList();
        HookContext context = hookClusterDetails.complete(new HookContext(ANALYSIS, description(master, target),
                command, master.key(), true, false, clusterName, alias, replicas.size(), replicaKeys, false,
                NodeIdentity.hostname(), uid, target.key(), List.of(), false), config.recovery());
        HookRunner hooks = new HookRunner(f.processesShellCommand(), Duration.ofMinutes(1));
        journal.step(uid, "will hand " + master.key() + " over to " + target.key() + " (" + command + ")");
        List<HookRunner.HookResult> pre = hooks.run(f.preGracefulTakeoverProcesses(), context, true);
        pre.forEach(h -> journal.step(uid, h.describe()));
        RecoveryOutcome outcome;
        boolean aborted = pre.stream().anyMatch(h -> !h.succeeded());
        if (aborted) {
            outcome = new RecoveryOutcome(false, null, "", List.of(), replicaKeys,
                    List.of("PreGracefulTakeoverProcesses failed; takeover aborted"));
        } else {
            outcome = steps.run(uid, master, target, siblings, auto, f);
        }
        recoveries.resolve(uid, outcome, Instant.now());
        if (outcome.successful() && outcome.successor() != null) {
            aliasStep.handOver(uid, clusterName, alias, outcome.successor());
            kvStep.publish(uid, alias, outcome.successor());
        }
        discovery.refreshQuietly(Stream.concat(Stream.of(target.key(), master.key()), siblings.stream().map(Instance::key)).toList());
        if (!aborted) {
            List<String> post = outcome.successful() ? f.postGracefulTakeoverProcesses()
                    : f.postUnsuccessfulFailoverProcesses();
            hooks.run(post, context.withOutcome(outcome.successor(), List.of(), outcome.successful()), false)
                    .forEach(h -> journal.step(uid, h.describe()));
        }
        String summary = outcome.successful() ? "promoted " + target.key() + " to replace " + master.key()
                : "failed: " + String.join("; ", outcome.allErrors());
        journal.step(uid, summary);
        audit.append(command, master.key(), clusterName, "Takeover " + uid + " " + summary);
        LOG.info("graceful takeover " + uid + " of " + master.key() + ": " + summary);
        return recoveries.byUid(uid).orElseThrow();
    }

    /**
     * Registers the takeover as a recovery of the master. The master's completed recoveries are acknowledged
     * first, as for any operator's recovery: a round trip back to it must not be refused.
     */
    private String register(String clusterName, Instance master, Instance target, List<Instance> replicas) {
        String uid = UUID.randomUUID().toString();
        Instant now = Instant.now();
        recoveries.acknowledgeInstanceCompleted(master.key(), "orchestrator",
                "implicit acknowledge due to user invocation of recovery on same instance: " + master.key(), now);
        String alias = clusters.clusterInfo(clusterName).clusterAlias();
        recoveries.register(TopologyRecovery.starting(uid, master.key(), clusterName, alias, ANALYSIS,
                        description(master, target), replicas.stream().map(Instance::key).toList(), now,
                        NodeIdentity.hostname()))
                .orElseThrow(() -> new CommandFailedException("Cannot register a takeover of " + master.key()
                        + ": another recovery of it is in progress"));
        return uid;
    }

    private static String description(Instance master, Instance target) {
        return "graceful master takeover of " + master.key() + " by " + target.key();
    }

}
