package org.orchestratoree.discovery.probe;

import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.ReplicaStatus;

/** MySQL and Percona 5.7 and 8.0 before 8.0.22: Master/Slave statements and column names. */
public final class MySqlLegacyDialect implements ReplicationDialect {

    private final ReplicaStatusMapper mapper = new ReplicaStatusMapper(StatusColumns.slave("Channel_Name"));

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
    public String gtidQuery() {
        return MySqlGtid.QUERY;
    }

    @Override
    public ReplicaStatus toReplicaStatus(Map<String, String> row) {
        return mapper.map(row, Row.of(row).number("Auto_Position", 0) == 1);
    }

    @Override
    public Map<String, String> defaultChannel(List<Map<String, String>> rows) {
        return mapper.defaultChannel(rows);
    }

    @Override
    public GtidState toGtidState(Map<String, String> gtidRow, Map<String, String> replicaRow) {
        return MySqlGtid.map(Row.of(gtidRow), Row.of(replicaRow));
    }

    @Override
    public String serverUuid(Map<String, String> variables) {
        return Row.of(variables).text("server_uuid");
    }

    @Override
    public boolean isMasterConnectionError(String lastIoError) {
        return ReplicationDialect.mentions(lastIoError, "error connecting to master");
    }
}
