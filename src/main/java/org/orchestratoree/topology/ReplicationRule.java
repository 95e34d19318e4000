package org.orchestratoree.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Orchestrator's "can replicate from" rule, checked before any operation points a replica at a new master,
 * so that a refused move changes nothing. Only the snapshots are consulted: whether the servers answer is the
 * caller's concern.
 */
public final class ReplicationRule {

    private ReplicationRule() {
    }

    public static ReplicationVerdict canReplicateFrom(InstanceSnapshot replica, InstanceSnapshot master) {
        List<String> reasons = new ArrayList<>();
        if (replica.key().equals(master.key())) {
            reasons.add(replica.key() + " cannot replicate from itself");
            return new ReplicationVerdict(reasons);
        }
        if (!master.binlog().logBinEnabled()) {
            reasons.add(master.key() + " does not have binary logs enabled (log_bin)");
        }
        if (master.isReplica() && !master.binlog().logReplicaUpdates()) {
            // without it the intermediate master's binlog lacks what it replicates, so the replica would starve
            reasons.add(master.key() + " is a replica without log_slave_updates");
        }
        if (newerThan(master.version(), replica.version())) {
            // a replica cannot be relied on to parse a newer server's binlog events
            reasons.add(master.key() + " runs " + master.version().version() + ", newer than "
                    + replica.key() + "'s " + replica.version().version());
        }
        if (mariaDbGtid(master) != mariaDbGtid(replica)) {
            reasons.add(replica.key() + " and " + master.key() + " use different GTID flavors ("
                    + gtidFlavor(replica) + " vs " + gtidFlavor(master) + ")");
        } else if (!mariaDbGtid(replica)) {
            // MySQL auto-positioning needs GTID fully on at both ends; MariaDB always logs GTIDs
            requireMySqlGtid(replica, reasons);
            requireMySqlGtid(master, reasons);
        }
        return new ReplicationVerdict(reasons);
    }

    private static boolean newerThan(ServerVersion a, ServerVersion b) {
        return a.major() > b.major() || (a.major() == b.major() && a.minor() > b.minor());
    }

    private static boolean mariaDbGtid(InstanceSnapshot s) {
        return s.version().flavor() == Flavor.MARIADB;
    }

    private static String gtidFlavor(InstanceSnapshot s) {
        return mariaDbGtid(s) ? "MariaDB GTID" : "MySQL GTID";
    }

    private static void requireMySqlGtid(InstanceSnapshot s, List<String> reasons) {
        if (!"ON".equalsIgnoreCase(s.gtid().gtidMode())) {
            reasons.add(s.key() + " does not have gtid_mode=ON (" + s.gtid().gtidMode() + ")");
        }
    }
}
