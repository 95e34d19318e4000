package org.orchestratoree.discovery.probe;

/** MySQL and Percona 5.7 and 8.0 before 8.0.22: Master/Slave statements and column names. */
public final class MySqlLegacyDialect extends MySqlFamilyDialect {

    public MySqlLegacyDialect() {
        super(StatusColumns.slave("Channel_Name"));
    }

    @Override
    public String name() {
        return "MySQL (legacy)";
    }

    @Override
    public String replicaStatusQuery() {
        return "SHOW SLAVE STATUS";
    }

    @Override
    public String masterStatusQuery() {
        return "SHOW MASTER STATUS";
    }

    @Override
    public String replicaHostsQuery() {
        return "SHOW SLAVE HOSTS";
    }

    @Override
    public boolean isMasterConnectionError(String lastIoError) {
        return ReplicationDialect.mentions(lastIoError, "error connecting to master");
    }
}
