package org.orchestratoree.refactor;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.orchestratoree.discovery.DiscoveryService;
import org.orchestratoree.discovery.probe.ProbeException;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.ErrantBinlogs;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.GtidSet;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.MariaDbGtidState;

/**
 * Orchestrator's errant-GTID operations on both GTID flavors: locate-gtid-errant, gtid-errant-reset-master
 * and gtid-errant-inject-empty. Each one re-probes the replica first, so it acts on the errant GTIDs the
 * server has now, not on a poll's; every refusal comes before the first statement.
 */
@ApplicationScoped
public class ErrantGtidService {

    private static final Logger LOG = Logger.getLogger(ErrantGtidService.class.getName());

    @Inject
    InstanceRepository instances;
    @Inject
    AuditRepository audit;
    @Inject
    TopologyOperations operations;
    @Inject
    DiscoveryService discovery;

    private GtidOperations gtids;

    @PostConstruct
    void init() {
        gtids = new GtidOperations(operations);
    }

    public Object apply(ErrantGtidCommand<?> command) {
        try {
            if (command instanceof ErrantGtidCommand.ResetMaster c) {
                return resetMaster(c.key());
            } else if (command instanceof ErrantGtidCommand.InjectEmpty c) {
                return injectEmpty(c.key());
            }
            throw new IllegalArgumentException("no handler for command " + command.name());
        } catch (TopologyOperationException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    /** The binary logs of the instance that hold its errant transactions, oldest first. */
    public List<String> locate(InstanceKey key) {
        Instance replica = fresh(key);
        String errant = replica.lineage().errant();
        if (errant.isEmpty()) {
            throw refused("locate-errant-gtid: no errant-gtid on " + key);
        }
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String binlog : gtids.binaryLogs(key)) {
                headers.put(binlog, gtids.gtidsBefore(key, binlog));
            }
            ErrantBinlogs.Location where;
            if (replica.snapshot().version().flavor() == Flavor.MARIADB) {
                Instance master = known(replica.snapshot().masterKey());
                where = ErrantBinlogs.mariaDb(errant, master.snapshot().gtid().mariaDbBinlogState(), headers,
                        gtids.binlogState(key));
            } else {
                where = ErrantBinlogs.mySql(errant, headers, gtids.executedGtidSet(key));
            }
            if (!where.purged().isEmpty()) {
                throw refused("locate-errant-gtid: " + where.purged() + " is already purged on " + key);
            }
            return where.binlogs();
        } catch (TopologyOperationException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    /**
     * Removes the errant GTIDs from the replica's GTID history, keeping everything else: replication is stopped,
     * the binary logs are reset, and the history is set back to what it was without the errant transactions
     * (MySQL: gtid_purged = executed minus errant; MariaDB: gtid_binlog_state with each errant domain and server
     * taken back to the master's last GTID of it). Replication is started again whatever happens. The errant
     * transactions' data stays; only their GTIDs go, as with orchestrator.
     */
    private synchronized Instance resetMaster(InstanceKey key) {
        String op = "gtid-errant-reset-master";
        Instance replica = fresh(key);
        boolean mariaDb = replica.snapshot().version().flavor() == Flavor.MARIADB;
        if (!replica.snapshot().isReplica()) {
            throw refused(op + " will not operate on " + key + " because it is not a replica: a master has no"
                    + " errant GTID");
        }
        if (replica.lineage().errant().isEmpty()) {
            throw refused(op + " will not operate on " + key + " because no errant GTID is found");
        }
        if (!mariaDb && !replica.snapshot().gtid().supportsOracleGtid()) {
            throw refused(op + " requested for " + key + " but it is not using oracle-gtid");
        }
        int replicas = replicaCount(replica);
        if (replicas > 0) {
            throw refused(op + " will not operate on " + key + " because it has " + replicas
                    + " replicas. Expecting no replicas");
        }
        InstanceKey masterKey = replica.snapshot().masterKey();
        MariaDbGtidState masterState = mariaDb ? liveMasterState(op, key, masterKey) : null;
        operations.stopReplication(key);
        try {
            if (mariaDb) {
                resetMariaDb(op, replica, masterState);
            } else {
                String kept = GtidSet.parse(gtids.executedGtidSet(key))
                        .subtract(GtidSet.parse(replica.lineage().errant())).toString();
                rewriteHistory(op, key, false, kept);
            }
        } finally {
            startAgain(key);
        }
        Instance reset = reprobe(key);
        audit.append(op, key, reset.clusterName(), key + " master reset");
        return reset;
    }

    /**
     * MariaDB: the binlog state goes back to the master's last GTID of each errant (domain, server). A replica
     * that replicated errant transactions from an earlier master (they reached it by log_slave_updates) also
     * has them in gtid_slave_pos, where replication would resume asking its master for a GTID it never had:
     * that position moves back to the kept state's newest GTID of the domain.
     */
    private void resetMariaDb(String op, Instance replica, MariaDbGtidState masterState) {
        InstanceKey key = replica.key();
        MariaDbGtidState state = MariaDbGtidState.parse(gtids.binlogState(key));
        Set<Long> ancestors = new HashSet<>(replica.lineage().ancestorServerIds());
        ancestors.remove(replica.snapshot().serverId());
        MariaDbGtidState errant = state.notIn(masterState, ancestors);
        if (errant.isEmpty()) {
            throw refused(op + " will not operate on " + key + " because no errant GTID is found");
        }
        MariaDbGtidState kept = state.rolledBackTo(masterState, errant.sources());
        MariaDbGtidState slavePos = MariaDbGtidState.parse(gtids.slavePos(key));
        MariaDbGtidState resumeAt = kept.positionWithout(slavePos, errant, masterState);
        rewriteHistory(op, key, true, kept.toString());
        if (!resumeAt.equals(slavePos)) {
            try {
                gtids.setSlavePos(key, resumeAt.toString());
            } catch (TopologyOperationException e) {
                throw refused(op + ": binary logs of " + key + " were reset but setting gtid_slave_pos to '"
                        + resumeAt + "' failed; set it by hand. Error was: " + e.getMessage());
            }
        }
    }

    private void rewriteHistory(String op, InstanceKey key, boolean mariaDb, String kept) {
        try {
            gtids.resetBinaryLogs(key);
        } catch (TopologyOperationException e) {
            throw refused(op + ": error while resetting master on " + key + ", after which intended to set the GTID"
                    + " history to: " + kept + ". Error was: " + e.getMessage());
        }
        try {
            if (mariaDb) {
                gtids.setBinlogState(key, kept);
            } else {
                gtids.setGtidPurged(key, kept);
            }
        } catch (TopologyOperationException e) {
            throw refused(op + ": binary logs of " + key + " were reset but setting "
                    + (mariaDb ? "gtid_binlog_state" : "gtid_purged") + " to '" + kept + "' failed; set it by hand"
                    + " before replicating from it. Error was: " + e.getMessage());
        }
    }

    /**
     * Commits each errant GTID as an empty transaction on the cluster's writable master, so that the whole
     * cluster has them and they are no longer errant. MySQL GTID only: MariaDB does not write empty
     * transactions to its binary log, and gtid_strict_mode refuses a GTID whose sequence number is behind its
     * domain's, so there is no equivalent there.
     */
    private synchronized ErrantGtidCommand.EmptyInjection injectEmpty(InstanceKey key) {
        String op = "gtid-errant-inject-empty";
        Instance replica = fresh(key);
        String errant = replica.lineage().errant();
        if (errant.isEmpty()) {
            throw refused(op + " will not operate on " + key + " because no errant GTID is found");
        }
        if (replica.snapshot().version().flavor() == Flavor.MARIADB || !replica.snapshot().gtid().supportsOracleGtid()) {
            throw refused(op + " requested for " + key + " but it does not support oracle-gtid"
                    + (replica.snapshot().version().flavor() == Flavor.MARIADB ? ": MariaDB cannot replay a GTID as an"
                    + " empty transaction on the master; use gtid-errant-reset-master" : ""));
        }
        Instance master = instances.findByCluster(replica.clusterName()).stream()
                .filter(i -> i.isMaster() && !i.snapshot().readOnly() && i.checks().lastCheckValid())
                .findFirst()
                .orElseThrow(() -> refused(op + " found no writable master for " + replica.clusterName() + " cluster"));
        if (!master.snapshot().gtid().supportsOracleGtid()) {
            throw refused(op + " requested for " + key + " but the cluster's master " + master.key()
                    + " does not support oracle-gtid");
        }
        List<String> all = GtidSet.parse(errant).gtids();
        LOG.info(op + ": injecting " + all.size() + " empty transactions " + errant + " on cluster master "
                + master.key());
        long count = 0;
        for (String gtid : all) {
            gtids.injectEmptyTransaction(master.key(), gtid);
            count++;
        }
        discovery.reprobeAfter("an errant-GTID operation", master.key());
        Instance after = reprobe(key);
        audit.append(op, key, after.clusterName(), "injected " + count + " empty transactions on " + master.key());
        return new ErrantGtidCommand.EmptyInjection(after, master.key(), count);
    }

    private MariaDbGtidState liveMasterState(String op, InstanceKey key, InstanceKey masterKey) {
        try {
            return MariaDbGtidState.parse(gtids.binlogState(masterKey));
        } catch (TopologyOperationException e) {
            throw refused(op + " will not operate on " + key + " because its master " + masterKey
                    + " cannot be read, and the reset must keep what the master has: " + e.getMessage());
        }
    }

    /** Replicas registered on the server, or known to the backend to replicate from it. */
    private int replicaCount(Instance instance) {
        Set<InstanceKey> keys = new HashSet<>(instance.snapshot().replicaKeys());
        instances.findReplicasOf(instance.key()).forEach(r -> keys.add(r.key()));
        return keys.size();
    }

    private void startAgain(InstanceKey key) {
        try {
            operations.startReplication(key);
        } catch (TopologyOperationException e) {
            LOG.warning("could not start replication again on " + key + ": " + e.getMessage());
        }
    }

    private Instance fresh(InstanceKey key) {
        known(key);
        try {
            return discovery.refresh(key);
        } catch (ProbeException e) {
            throw refused("Cannot read instance " + key + ": " + e.getMessage());
        }
    }

    private Instance reprobe(InstanceKey key) {
        return discovery.reprobeAfter("an errant-GTID operation", key).orElseGet(() -> known(key));
    }

    private Instance known(InstanceKey key) {
        return instances.find(key).orElseThrow(() -> refused("Cannot read instance: " + key));
    }

    private static CommandFailedException refused(String message) {
        return new CommandFailedException(message, null);
    }
}
