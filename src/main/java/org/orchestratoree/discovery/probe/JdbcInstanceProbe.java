package org.orchestratoree.discovery.probe;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.InvalidInstanceKeyException;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ServerVersion;

/**
 * Probes a MySQL or MariaDB server over JDBC. The server's variables are read first; their version picks
 * the {@link ReplicationDialect} for the remaining statements. All statements run on the key's cached
 * connection, so a one-second poll costs a handful of round trips and no handshake.
 */
public final class JdbcInstanceProbe implements InstanceProbe {

    /** One round trip for the plain settings; WHERE keeps it valid on servers lacking some of them. */
    static final String VARIABLES_QUERY = "SHOW GLOBAL VARIABLES WHERE Variable_name IN ("
            + "'server_id', 'server_uuid', 'version', 'version_comment', 'read_only', 'log_bin',"
            + " 'log_slave_updates', 'log_replica_updates', 'binlog_format', 'binlog_row_image')"
            + " OR Variable_name LIKE 'rpl\\_semi\\_sync\\_%'";

    static final String STATUS_QUERY = "SHOW GLOBAL STATUS WHERE Variable_name = 'Uptime'"
            + " OR Variable_name LIKE 'Rpl\\_semi\\_sync\\_%'";

    private final TopologyConnections connections;
    private final ReplicaDiscovery replicaDiscovery;
    private final LocationResolver locationResolver;

    public JdbcInstanceProbe(ProbeSettings settings, TopologyConnections connections) {
        this.connections = connections;
        this.replicaDiscovery = new ReplicaDiscovery(settings.discoverByShowSlaveHosts());
        this.locationResolver = new LocationResolver(settings);
    }

    @Override
    public InstanceSnapshot probe(InstanceKey key) throws ProbeException {
        try {
            return connections.execute(key, connection -> read(key, new SqlReader(connection)));
        } catch (ConnectFailedException e) {
            throw ProbeException.couldNotConnect(key, e.getCause() != null ? e.getCause() : e);
        } catch (SQLException e) {
            throw ProbeException.queryFailed(key, e);
        } catch (InvalidInstanceKeyException e) {
            // e.g. a Master_Host that cannot name a server; the snapshot would be wrong, so none is given
            connections.close(key);
            throw ProbeException.queryFailed(key, e);
        }
    }

    private InstanceSnapshot read(InstanceKey key, SqlReader sql) throws SQLException {
        Map<String, String> variables = sql.nameValues(VARIABLES_QUERY);
        Row vars = Row.of(variables);
        ServerVersion version = ServerVersion.of(vars.text("version"), vars.text("version_comment"));
        ReplicationDialect dialect = ReplicationDialect.forVersion(version);
        Map<String, String> status = sql.nameValues(STATUS_QUERY);
        Map<String, String> replicaRow = dialect.defaultChannel(sql.rows(dialect.replicaStatusQuery()));
        ReplicaStatus replication = dialect.toReplicaStatus(replicaRow);
        List<InstanceKey> replicas = replicaDiscovery.replicas(sql, dialect, key);
        return new InstanceSnapshot(
                key,
                vars.number("server_id", 0),
                dialect.serverUuid(variables),
                version,
                vars.flag("read_only"),
                dialect.toBinlogSettings(variables),
                dialect.toSelfCoordinates(sql.firstRow(dialect.masterStatusQuery())),
                replication,
                dialect.toGtidState(sql.firstRow(dialect.gtidQuery()), replicaRow),
                dialect.toSemiSync(variables, status),
                replicas,
                Row.of(status).number("Uptime", 0),
                locationResolver.location(sql, key),
                locationResolver.clusterAlias(sql, key));
    }
}
