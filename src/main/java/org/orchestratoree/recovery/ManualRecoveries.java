package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.orchestratoree.analysis.AnalysisCode;
import org.orchestratoree.analysis.ReplicationAnalysis;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * Applies operators' master commands. Forced failovers and takeovers treat the live master as dead
 * (orchestrator's forced DeadMaster analysis) and run the regular recovery with no filters and no
 * anti-flapping block; {@code recover} runs the recovery of the instance's current analysis.
 */
@ApplicationScoped
public class ManualRecoveries {

    @Inject
    CurrentConfiguration configuration;
    @Inject
    ClusterDirectory clusters;
    @Inject
    InstanceRepository instances;
    @Inject
    ClusterAnalysisService analyses;
    @Inject
    RecoveryCoordinator coordinator;
    @Inject
    GracefulTakeover graceful;

    public TopologyRecovery apply(MasterCommand command) {
        if (command instanceof MasterCommand.GracefulTakeover c) {
            return graceful.takeover(c.clusterName(), Optional.ofNullable(c.designated()), c.auto());
        } else if (command instanceof MasterCommand.ForceFailover c) {
            Instance master = master(c.clusterName());
            return coordinator.forceRecover(forcedDeadMaster(master.key()), configuration.get(), c.name(),
                    Optional.empty(), false);
        } else if (command instanceof MasterCommand.ForceTakeover c) {
            Instance master = master(c.clusterName());
            Instance designated = instances.find(c.designated())
                    .orElseThrow(() -> new CommandFailedException("Cannot read instance: " + c.designated()));
            if (!master.key().equals(designated.snapshot().masterKey())) {
                throw new CommandFailedException("You may only promote a direct child of the master " + master.key()
                        + ". The master of " + designated.key() + " is " + designated.snapshot().masterKey() + ".");
            }
            return coordinator.forceRecover(forcedDeadMaster(master.key()), configuration.get(), c.name(),
                    Optional.of(designated.key()), false);
        } else if (command instanceof MasterCommand.Recover c) {
            ReplicationAnalysis a = analyses.analyzeInstance(c.key(), false).stream()
                    .filter(x -> RecoveryType.of(x.analysis()).orElse(null) == RecoveryType.MASTER).findFirst()
                    .orElseThrow(() -> new CommandFailedException("Recovery not attempted"));
            return coordinator.forceRecover(a, configuration.get(), c.name(), Optional.ofNullable(c.candidate()),
                    c.skipProcesses());
        }
        throw new IllegalArgumentException("no handler for master command " + command.name());
    }

    /** The cluster's writable master, as orchestrator's forced operations require. */
    private Instance master(String clusterName) {
        return clusters.master(clusterName).filter(m -> !m.snapshot().isReplica())
                .orElseThrow(() -> new CommandFailedException("Cannot deduce cluster master for " + clusterName));
    }

    private ReplicationAnalysis forcedDeadMaster(InstanceKey master) {
        return analyses.analyzeInstance(master, true).stream().findFirst()
                .orElseThrow(() -> new CommandFailedException("No analysis of " + master))
                .withAnalysis(AnalysisCode.DeadMaster);
    }
}
