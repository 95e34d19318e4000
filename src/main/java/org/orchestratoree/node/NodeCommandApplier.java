package org.orchestratoree.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.orchestratoree.discovery.ClusterAliasService;
import org.orchestratoree.discovery.DiscoverCommand;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.discovery.ForgetClusterCommand;
import org.orchestratoree.discovery.ForgetInstanceCommand;
import org.orchestratoree.discovery.HandOverAliasCommand;
import org.orchestratoree.discovery.SetClusterAliasCommand;
import org.orchestratoree.discovery.probe.ProbeException;
import org.orchestratoree.ha.Command;
import org.orchestratoree.ha.CommandApplier;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.kv.KvWriter;
import org.orchestratoree.kv.WriteKvCommand;
import org.orchestratoree.refactor.ErrantGtidCommand;
import org.orchestratoree.refactor.ErrantGtidService;
import org.orchestratoree.refactor.CoMasterService;
import org.orchestratoree.refactor.MakeCoMasterCommand;
import org.orchestratoree.refactor.RefactorService;
import org.orchestratoree.refactor.RelocateReplicasCommand;
import org.orchestratoree.refactor.ReplicaRelocationService;
import org.orchestratoree.refactor.SemiSyncCommand;
import org.orchestratoree.refactor.SemiSyncService;
import org.orchestratoree.refactor.TopologyCommand;
import org.orchestratoree.recovery.AckRecoveryCommand;
import org.orchestratoree.recovery.BeginDowntimeCommand;
import org.orchestratoree.recovery.CandidateService;
import org.orchestratoree.recovery.DowntimeService;
import org.orchestratoree.recovery.EndDowntimeCommand;
import org.orchestratoree.recovery.GlobalRecoveriesCommand;
import org.orchestratoree.recovery.ManualRecoveries;
import org.orchestratoree.recovery.MasterCommand;
import org.orchestratoree.recovery.RecoveryStateService;
import org.orchestratoree.recovery.RegisterCandidateCommand;

/** Applies committed commands to this node's state by handing each to the service that owns it. */
@ApplicationScoped
public class NodeCommandApplier implements CommandApplier {

    @Inject
    DiscoveryService discovery;
    @Inject
    RefactorService refactor;
    @Inject
    DowntimeService downtimes;
    @Inject
    CandidateService candidates;
    @Inject
    RecoveryStateService recoveryState;
    @Inject
    ManualRecoveries manualRecoveries;
    @Inject
    KvWriter kvWriter;
    @Inject
    ClusterAliasService clusterAliases;
    @Inject
    ErrantGtidService errantGtids;
    @Inject
    SemiSyncService semiSync;
    @Inject
    CoMasterService coMasters;
    @Inject
    ReplicaRelocationService replicaRelocation;

    @Override
    @SuppressWarnings("unchecked")
    public <R> R apply(Command<R> command) {
        Object result;
        if (command instanceof DiscoverCommand c) {
            try {
                result = discovery.discover(c.key());
            } catch (ProbeException e) {
                throw new CommandFailedException(e.getMessage(), e);
            }
        } else if (command instanceof ForgetInstanceCommand c) {
            result = discovery.forget(c.key());
        } else if (command instanceof ForgetClusterCommand c) {
            result = discovery.forgetCluster(c.clusterName());
        } else if (command instanceof TopologyCommand c) {
            result = refactor.apply(c);
        } else if (command instanceof BeginDowntimeCommand c) {
            result = downtimes.apply(c);
        } else if (command instanceof EndDowntimeCommand c) {
            result = downtimes.apply(c);
        } else if (command instanceof RegisterCandidateCommand c) {
            result = candidates.apply(c);
        } else if (command instanceof AckRecoveryCommand c) {
            result = recoveryState.apply(c);
        } else if (command instanceof GlobalRecoveriesCommand c) {
            result = recoveryState.apply(c);
        } else if (command instanceof MasterCommand c) {
            result = manualRecoveries.apply(c);
        } else if (command instanceof WriteKvCommand c) {
            result = kvWriter.apply(c);
            // cluster aliases: operators' overrides and the hand-over to a successor's cluster
        } else if (command instanceof SetClusterAliasCommand c) {
            result = clusterAliases.apply(c);
        } else if (command instanceof HandOverAliasCommand c) {
            result = clusterAliases.apply(c);
        } else if (command instanceof ErrantGtidCommand<?> c) {
            result = errantGtids.apply(c);
        } else if (command instanceof SemiSyncCommand c) {
            result = semiSync.apply(c);
        } else if (command instanceof MakeCoMasterCommand c) {
            result = coMasters.apply(c);
        } else if (command instanceof RelocateReplicasCommand c) {
            result = replicaRelocation.apply(c);
        } else {
            throw new IllegalArgumentException("no handler for command " + command.name());
        }
        return (R) result;
    }
}
