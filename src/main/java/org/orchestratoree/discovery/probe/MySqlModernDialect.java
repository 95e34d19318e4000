package org.orchestratoree.discovery.probe;

/**
 * MySQL and Percona 8.0.22 and later, including 8.4 LTS and 9.x: SHOW REPLICA STATUS with Source_* and
 * Replica_* columns, SHOW REPLICAS. 8.4 removed the SHOW SLAVE/MASTER forms; SHOW BINARY LOG STATUS
 * exists from 8.2.
 */
public final class MySqlModernDialect extends MySqlFamilyDialect {

    private final boolean binaryLogStatus;

    /** @param binaryLogStatus whether the server has SHOW BINARY LOG STATUS (8.2+) */
    public MySqlModernDialect(boolean binaryLogStatus) {
        super(StatusColumns.replica());
        this.binaryLogStatus = binaryLogStatus;
    }

    @Override
    public String name() {
        return "MySQL (modern)";
    }

    @Override
    public String replicaStatusQuery() {
        return "SHOW REPLICA STATUS";
    }

    @Override
    public String masterStatusQuery() {
        return binaryLogStatus ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    @Override
    public String replicaHostsQuery() {
        return "SHOW REPLICAS";
    }

    @Override
    public boolean isMasterConnectionError(String lastIoError) {
        // 8.0.22-8.0.25 still printed "master"; the rename to "source" landed in 8.0.26
        return ReplicationDialect.mentions(lastIoError, "error connecting to source")
                || ReplicationDialect.mentions(lastIoError, "error connecting to master");
    }
}
