package org.orchestratoree.refactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.FailoverConfiguration;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.discovery.probe.ProbeException;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicationRule;
import org.orchestratoree.topology.ReplicationVerdict;

/**
 * Applies {@link MakeCoMasterCommand} with orchestrator's refusals, all checked before the first statement: the
 * replica must be replicating and read-only, its master must answer, must not already replicate from it, and must
 * be a real master (or one half of a co-master pair whose other half is read-only or gone); and the master must be
 * able to replicate from the replica. The master is then pointed at the replica by GTID (MariaDB
 * {@code MASTER_USE_GTID=slave_pos}, MySQL auto-positioning).
 *
 * <p>Replication credentials for the master: the replica's own, when it keeps them in mysql.slave_master_info;
 * else MySQLReplicaUser/MySQLReplicaPassword; else the ones the master already has if it was a replica. With none
 * of these the command is refused, since the master could not connect.
 */
@ApplicationScoped
public class CoMasterService {

    private static final Logger LOG = Logger.getLogger(CoMasterService.class.getName());

    @Inject
    InstanceRepository instances;
    @Inject
    AuditRepository audit;
    @Inject
    TopologyOperations operations;
    @Inject
    DiscoveryService discovery;
    @Inject
    CurrentConfiguration configuration;

    public synchronized Instance apply(MakeCoMasterCommand command) {
        InstanceKey key = command.key();
        Instance instance = known(key);
        checkCanMove(instance);
        if (!instance.snapshot().isReplica()) {
            throw refused("instance is not a replica: " + key);
        }
        Instance master = known(instance.snapshot().masterKey());
        if (!master.checks().lastCheckValid()) {
            throw refused(master.key() + ": last check invalid");
        }
        if (key.equals(master.snapshot().masterKey())) {
            throw refused("instance " + key + " is already co master of " + master.key());
        }
        if (!instance.snapshot().readOnly()) {
            throw refused("instance " + key + " is not read-only; first make it read-only before making it co-master");
        }
        checkMasterIsRealMaster(master);
        ReplicationVerdict verdict = ReplicationRule.canReplicateFrom(master.snapshot(), instance.snapshot());
        if (!verdict.allowed()) {
            throw refused("Cannot make " + key + " co-master of " + master.key() + ": " + verdict.explanation());
        }
        String[] credentials = credentials(instance, master);
        try {
            operations.replicateFromReplica(master.key(), key, credentials[0], credentials[1],
                    master.snapshot().isReplica());
        } catch (TopologyOperationException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        discovery.reprobeAfter("make-co-master", master.key());
        Instance changed = discovery.reprobeAfter("make-co-master", key).orElse(instance);
        audit.append("make-co-master", key, changed.clusterName(), key + " made co-master of " + master.key());
        return changed;
    }

    /** Orchestrator's CanMove: a replica that answers and replicates, with a known lag. */
    private static void checkCanMove(Instance instance) {
        InstanceKey key = instance.key();
        if (!instance.checks().lastCheckValid()) {
            throw refused(key + ": last check invalid");
        }
        if (instance.snapshot().replication() == null || !instance.snapshot().replication().replicating()) {
            throw refused(key + ": instance is not replicating");
        }
        if (instance.snapshot().replication().secondsBehindMaster() == null) {
            throw refused(key + ": cannot determine replication lag");
        }
    }

    private void checkMasterIsRealMaster(Instance master) {
        InstanceKey upstream = master.snapshot().masterKey();
        if (upstream == null) {
            return;
        }
        Optional<Instance> other = instances.find(upstream);
        if (other.isEmpty()) {
            return;
        }
        if (master.placement().coMaster()) {
            Instance o = other.get();
            if (o.checks().lastCheckValid() && !o.snapshot().readOnly()) {
                throw refused("master " + master.key() + " is already co-master with " + o.key() + ", and " + o.key()
                        + " is alive, and not read-only; cowardly refusing to demote it. Please set it as read-only"
                        + " beforehand");
            }
            return;
        }
        throw refused(master.key() + " is not a real master; it replicates from: " + upstream);
    }

    private String[] credentials(Instance replica, Instance master) {
        Optional<String[]> own = operations.storedReplicationCredentials(replica.key());
        if (own.isPresent()) {
            return own.get();
        }
        FailoverConfiguration f = configuration.get().failover();
        if (!f.replicaUser().isBlank()) {
            return new String[] {f.replicaUser(), f.replicaPassword()};
        }
        if (master.snapshot().isReplica() && !operations.replicationUser(master.key()).isBlank()) {
            return new String[] {"", ""};
        }
        throw refused("Cannot make " + replica.key() + " co-master of " + master.key() + ": no replication credentials"
                + " for " + master.key() + " (" + replica.key() + " keeps none in mysql.slave_master_info, and"
                + " MySQLReplicaUser is not set)");
    }

    private Instance known(InstanceKey key) {
        return instances.find(key).orElseThrow(() -> refused("Cannot read instance: " + key));
    }

    private static CommandFailedException refused(String message) {
        return new CommandFailedException(message, null);
    }
}
