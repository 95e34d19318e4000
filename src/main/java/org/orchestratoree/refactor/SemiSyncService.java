package org.orchestratoree.refactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.discovery.probe.ProbeException;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.SemiSyncState;

/**
 * Applies {@link SemiSyncCommand}s: checks that the server answered its last probe, switches the setting, re-probes
 * it so the API shows the new state, and audits the change. As in orchestrator, a replica that already has the
 * asked-for setting is left alone (its IO thread is not restarted for nothing).
 */
@ApplicationScoped
public class SemiSyncService {

    private static final Logger LOG = Logger.getLogger(SemiSyncService.class.getName());

    @Inject
    InstanceRepository instances;
    @Inject
    AuditRepository audit;
    @Inject
    TopologyOperations operations;
    @Inject
    DiscoveryService discovery;

    public synchronized Instance apply(SemiSyncCommand command) {
        Instance instance = instances.find(command.key())
                .orElseThrow(() -> refused("Cannot read instance: " + command.key()));
        if (!instance.checks().lastCheckValid()) {
            throw refused("Cannot set semi-sync on " + command.key() + ": it did not answer its last probe");
        }
        SemiSyncState state = instance.snapshot().semiSync();
        if (command.side() == SemiSyncCommand.Side.REPLICA && state.replicaEnabled() == command.enable()) {
            return instance;
        }
        try {
            operations.setSemiSync(command.key(), command.side(), command.enable());
        } catch (TopologyOperationException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        Instance changed = discovery.reprobeAfter("a semi-sync change", instance.key()).orElse(instance);
        audit.append(command.name(), command.key(), changed.clusterName(), "semi-sync " + command.side().word()
                + " set to " + command.enable() + " on " + command.key());
        return changed;
    }

    private static CommandFailedException refused(String message) {
        return new CommandFailedException(message, null);
    }
}
