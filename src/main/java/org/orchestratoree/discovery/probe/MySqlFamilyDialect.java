package org.orchestratoree.discovery.probe;

import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.ReplicaStatus;

/**
 * What MySQL and Percona share across versions: GTID sets, server UUIDs, Auto_Position and channels. The
 * versions differ only in statement and column names, which the subclasses give.
 */
abstract class MySqlFamilyDialect implements ReplicationDialect {

    private final ReplicaStatusMapper mapper;

    MySqlFamilyDialect(StatusColumns columns) {
        this.mapper = new ReplicaStatusMapper(columns);
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
}
