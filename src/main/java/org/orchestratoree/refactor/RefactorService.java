package org.orchestratoree.refactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
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
 * Applies operators' topology commands: validates them against what the backend knows, changes the servers
 * through {@link TopologyOperations}, re-probes the servers it touched so the API shows the new state at
 * once, and audits the change. Every check runs before the first statement, so a refused command changes
 * nothing. Commands run one at a time: two moves interleaving on one topology could build a cycle.
 */
@ApplicationScoped
public class RefactorService {

    private static final Logger LOG = Logger.getLogger(RefactorService.class.getName());

    @Inject
    InstanceRepository instances;
    @Inject
    AuditRepository audit;
    @Inject
    TopologyOperations operations;
    @Inject
    DiscoveryService discovery;
    @Inject
    ReplicationCredentialsLookup credentials;

    public synchronized Instance apply(TopologyCommand command) {
        try {
            if (command instanceof TopologyCommand.Relocate c) {
                return relocate(c.key(), c.below());
            } else if (command instanceof TopologyCommand.MoveUp c) {
                return moveUp(c.key());
            } else if (command instanceof TopologyCommand.Repoint c) {
                return repoint(c.key(), c.below());
            } else if (command instanceof TopologyCommand.StartReplica c) {
                return startReplica(c.key());
            } else if (command instanceof TopologyCommand.StopReplica c) {
                return stopReplica(c.key());
            } else if (command instanceof TopologyCommand.SetReadOnly c) {
                return setReadOnly(c.key(), c.readOnly());
            }
            throw new IllegalArgumentException("no handler for topology command " + command.name());
        } catch (TopologyOperationException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    private Instance relocate(InstanceKey key, InstanceKey below) {
        if (key.equals(below)) {
            throw refused("Cannot relocate " + key + " below itself");
        }
        Instance replica = replicaOf(key);
        Instance target = known(below);
        checkMove("relocate", replica, target);
        operations.repoint(key, below);
        Instance moved = reprobe(key, replica.snapshot().masterKey(), below);
        audit.append("relocate-below", key, moved.clusterName(), "relocated " + key + " below " + below);
        return moved;
    }

    private Instance moveUp(InstanceKey key) {
        Instance replica = replicaOf(key);
        Instance master = known(replica.snapshot().masterKey());
        if (!master.snapshot().isReplica()) {
            throw refused("Cannot move up " + key + ": its master " + master.key() + " is not a replica");
        }
        Instance grandmaster = known(master.snapshot().masterKey());
        checkMove("move up", replica, grandmaster);
        operations.repoint(key, grandmaster.key());
        Instance moved = reprobe(key, master.key(), grandmaster.key());
        audit.append("move-up", key, moved.clusterName(), "moved up " + key + ". Previous master: " + master.key());
        return moved;
    }

    private Instance repoint(InstanceKey key, InstanceKey below) {
        Instance replica = known(key);
        if (below == null && !replica.snapshot().isReplica()) {
            throw refused("Cannot repoint " + key + ": it is not a replica and no master was given");
        }
        InstanceKey target = below != null ? below : replica.snapshot().masterKey();
        Instance master = known(target);
        checkMove("repoint", replica, master);
        if (operations.replicationUser(key).isBlank()) {
            // a former master or a detached server has no replication user of its own: borrow the topology's
            Optional<ReplicationCredentialSources.Found> found = credentials.find(donors(key, master));
            LOG.info(ReplicationCredentialsLookup.describe(key, found));
            operations.pointAt(key, target, found.map(ReplicationCredentialSources.Found::credentials), true);
        } else {
            operations.repoint(key, target);
        }
        Instance moved = reprobe(key, replica.snapshot().masterKey(), target);
        audit.append("repoint", key, moved.clusterName(), "replica " + key + " repointed to master: " + target);
        return moved;
    }

    /** Servers that replicate near the new master: its own replicas first, then itself, then its cluster's. */
    private List<InstanceKey> donors(InstanceKey server, Instance master) {
        List<InstanceKey> donors = new ArrayList<>();
        instances.findReplicasOf(master.key()).forEach(r -> donors.add(r.key()));
        if (master.snapshot().isReplica()) {
            donors.add(master.key());
        }
        instances.findByCluster(master.clusterName()).stream().filter(i -> i.snapshot().isReplica())
                .map(Instance::key).filter(k -> !donors.contains(k)).forEach(donors::add);
        donors.remove(server);
        return donors;
    }

    private Instance startReplica(InstanceKey key) {
        replicaOf(key);
        operations.startReplication(key);
        Instance started = reprobe(key);
        audit.append("start-slave", key, started.clusterName(), "replica " + key + " started");
        return started;
    }

    private Instance stopReplica(InstanceKey key) {
        replicaOf(key);
        operations.stopReplication(key);
        Instance stopped = reprobe(key);
        audit.append("stop-slave", key, stopped.clusterName(), "replica " + key + " stopped");
        return stopped;
    }

    private Instance setReadOnly(InstanceKey key, boolean readOnly) {
        known(key);
        operations.setReadOnly(key, readOnly);
        Instance changed = reprobe(key);
        audit.append(readOnly ? "set-read-only" : "set-writeable", key, changed.clusterName(),
                "set read_only=" + (readOnly ? 1 : 0) + " on " + key);
        return changed;
    }

    /** Everything that must hold before a replica is pointed at a new master. */
    private void checkMove(String operation, Instance replica, Instance master) {
        String what = "Cannot " + operation + " " + replica.key() + " below " + master.key() + ": ";
        ReplicationVerdict verdict = ReplicationRule.canReplicateFrom(replica.snapshot(), master.snapshot());
        if (!verdict.allowed()) {
            throw refused(what + verdict.explanation());
        }
        if (isDescendant(master.key(), replica.key())) {
            throw refused(what + master.key() + " replicates from " + replica.key());
        }
        for (Instance i : new Instance[] {replica, master}) {
            if (!i.checks().lastCheckValid()) {
                throw refused(what + i.key() + " did not answer its last probe");
            }
        }
    }

    /** Whether {@code key} replicates, directly or through others, from {@code ancestor}. */
    private boolean isDescendant(InstanceKey key, InstanceKey ancestor) {
        Set<InstanceKey> seen = new HashSet<>();
        InstanceKey current = key;
        while (current != null && seen.add(current)) {
            Instance instance = instances.find(current).orElse(null);
            current = instance == null ? null : instance.snapshot().masterKey();
            if (ancestor.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private Instance known(InstanceKey key) {
        return instances.find(key).orElseThrow(() -> refused("Cannot read instance: " + key));
    }

    private Instance replicaOf(InstanceKey key) {
        Instance instance = known(key);
        if (!instance.snapshot().isReplica()) {
            throw refused("instance is not a replica: " + key);
        }
        return instance;
    }

    /**
     * Probes the other touched servers first (a new master's placement decides the moved replica's
     * cluster and depth), then the changed one, whose fresh state is returned; a failed probe leaves the last
     * known state, as the regular poll would.
     */
    private Instance reprobe(InstanceKey changed, InstanceKey... others) {
        for (InstanceKey other : others) {
            if (other != null && !other.equals(changed)) {
                discovery.reprobeAfter("a topology change", other);
            }
        }
        return discovery.reprobeAfter("a topology change", changed).orElseGet(() -> known(changed));
    }

    private static CommandFailedException refused(String message) {
        return new CommandFailedException(message, null);
    }
}
