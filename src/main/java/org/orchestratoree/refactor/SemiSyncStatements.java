package org.orchestratoree.refactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.orchestratoree.topology.InstanceKey;

/**
 * The statements that switch semi-sync on one side of a server. The variable is the one the server has:
 * MariaDB's built-in semi-sync and MySQL's semisync_master/semisync_slave plugins name it
 * rpl_semi_sync_master/slave_enabled, MySQL 8.0.26's semisync_source/semisync_replica plugins
 * rpl_semi_sync_source/replica_enabled; only the plugin loaded answers. A replica reads the setting when its IO
 * thread connects, so a running IO thread is restarted for the change to take effect.
 */
final class SemiSyncStatements {

    private SemiSyncStatements() {
    }

    /**
     * @param variables the names of the server's global variables (any case); those not about semi-sync are ignored
     */
    static String enabledVariable(SemiSyncCommand.Side side, Set<String> variables, InstanceKey key) {
        Set<String> names = variables.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> candidates = side == SemiSyncCommand.Side.MASTER
                ? List.of("rpl_semi_sync_source_enabled", "rpl_semi_sync_master_enabled")
                : List.of("rpl_semi_sync_replica_enabled", "rpl_semi_sync_slave_enabled");
        return candidates.stream().filter(names::contains).findFirst().orElseThrow(() ->
                new TopologyOperationException(key, "semi-sync " + side.word() + " is not available: the server has "
                        + "neither " + String.join(" nor ", candidates) + " (on MySQL, install the "
                        + (side == SemiSyncCommand.Side.MASTER ? "semisync_source or semisync_master"
                        : "semisync_replica or semisync_slave") + " plugin)"));
    }

    static List<String> statements(SemiSyncCommand.Side side, boolean enable, Set<String> variables,
                                   boolean ioThreadRunning, ReplicationStatements replication, InstanceKey key) {
        List<String> statements = new ArrayList<>();
        statements.add("SET GLOBAL " + enabledVariable(side, variables, key) + " = " + (enable ? 1 : 0));
        if (side == SemiSyncCommand.Side.REPLICA && ioThreadRunning) {
            statements.add(replication.stopIoThread());
            statements.add(replication.startIoThread());
        }
        return statements;
    }
}
