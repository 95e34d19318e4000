package org.orchestratoree.discovery.probe;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InvalidInstanceKeyException;

/**
 * Finds the replicas of a server: those that registered (SHOW SLAVE HOSTS / SHOW REPLICAS, which needs
 * report_host on the replica), or, when registration is not relied on and yielded nothing, the clients
 * running a binlog dump, assumed to listen on the probed server's port.
 */
final class ReplicaDiscovery {

    static final String BINLOG_DUMP_CLIENTS = "SELECT HOST FROM information_schema.processlist"
            + " WHERE COMMAND IN ('Binlog Dump', 'Binlog Dump GTID')";

    private final boolean discoverByShowSlaveHosts;

    ReplicaDiscovery(boolean discoverByShowSlaveHosts) {
        this.discoverByShowSlaveHosts = discoverByShowSlaveHosts;
    }

    List<InstanceKey> replicas(SqlReader sql, ReplicationDialect dialect, InstanceKey self) throws SQLException {
        Set<InstanceKey> found = new LinkedHashSet<>();
        for (Map<String, String> row : sql.rows(dialect.replicaHostsQuery())) {
            add(found, () -> dialect.toReplicaKey(row));
        }
        if (found.isEmpty() && !discoverByShowSlaveHosts) {
            for (Map<String, String> row : sql.rows(BINLOG_DUMP_CLIENTS)) {
                String host = clientHost(Row.of(row).text("HOST"));
                add(found, () -> host.isEmpty() ? null : new InstanceKey(host, self.port()));
            }
        }
        return new ArrayList<>(found);
    }

    /** Strips the client port from a processlist host ({@code 10.0.0.5:41234}, {@code [::1]:41234}). */
    static String clientHost(String processlistHost) {
        String host = processlistHost.trim();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(1, close);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private interface KeySource {
        InstanceKey get();
    }

    private static void add(Set<InstanceKey> found, KeySource source) {
        try {
            InstanceKey key = source.get();
            if (key != null) {
                found.add(key);
            }
        } catch (InvalidInstanceKeyException e) {
            // a host orchestrator could never reach (e.g. a socket client); not a replica we can track
        }
    }
}
