package org.orchestratoree.refactor;

import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.InstanceKey;

/**
 * Where a server that needs replication credentials (a demoted master, a server with none of its own) gets
 * them, in this order: {@code mysql.slave_master_info} ({@code User_name}, {@code User_password}) on a server
 * that replicates and has the table (MySQL's master_info_repository=TABLE); then ReplicationCredentialsQuery,
 * when configured, on those servers; then MySQLReplicaUser / MySQLReplicaPassword. The servers asked are the
 * donors, those that already replicate in the topology, in the caller's order. A donor that cannot be read is
 * passed over.
 */
public final class ReplicationCredentialSources {

    /** Reads credentials off one server; empty when it has none. */
    @FunctionalInterface
    public interface Source {
        Optional<ReplicationCredentials> read(InstanceKey donor);
    }

    /** Credentials and where they came from, in words that name no secret. */
    public record Found(ReplicationCredentials credentials, String origin) {
    }

    private final Source masterInfoTable;
    private final Source credentialsQuery;

    /**
     * @param masterInfoTable reads {@code mysql.slave_master_info} when the server has it
     * @param credentialsQuery runs ReplicationCredentialsQuery; only called when one is configured
     */
    public ReplicationCredentialSources(Source masterInfoTable, Source credentialsQuery) {
        this.masterInfoTable = masterInfoTable;
        this.credentialsQuery = credentialsQuery;
    }

    public Optional<Found> find(List<InstanceKey> donors, String query, String configUser, String configPassword) {
        for (InstanceKey donor : donors) {
            Optional<ReplicationCredentials> c = attempt(masterInfoTable, donor);
            if (c.isPresent()) {
                return Optional.of(new Found(c.get(), "mysql.slave_master_info on " + donor));
            }
        }
        if (query != null && !query.isBlank()) {
            for (InstanceKey donor : donors) {
                Optional<ReplicationCredentials> c = attempt(credentialsQuery, donor);
                if (c.isPresent()) {
                    return Optional.of(new Found(c.get(), "ReplicationCredentialsQuery on " + donor));
                }
            }
        }
        return ReplicationCredentials.of(configUser, configPassword).map(c -> new Found(c, "MySQLReplicaUser"));
    }

    private static Optional<ReplicationCredentials> attempt(Source source, InstanceKey donor) {
        try {
            return source.read(donor);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
