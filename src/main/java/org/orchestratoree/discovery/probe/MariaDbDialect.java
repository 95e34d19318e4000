package org.orchestratoree.discovery.probe;

import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.ReplicaStatus;

/**
 * MariaDB (10.x, 11.x). It keeps the Master/Slave vocabulary: 10.5+ accepts SHOW REPLICA STATUS but still
 * labels the columns Slave_*, so the classic statements are used throughout. GTID is always on in the
 * binary log; a replica uses it when Using_Gtid is Slave_Pos or Current_Pos.
 */
public final class MariaDbDialect implements ReplicationDialect {

    private final ReplicaStatusMapper mapper = new ReplicaStatusMapper(StatusColumns.slave("Connection_name"));

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String replicaStatusQuery() {
        // answers for the default connection only (default_master_connection = ''), which is what we manage
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
        return "SELECT @@global.gtid_binlog_pos AS gtid_binlog_pos, @@global.gtid_slave_pos AS gtid_slave_pos,"
                + " @@global.gtid_current_pos AS gtid_current_pos, @@global.gtid_binlog_state AS gtid_binlog_state";
    }

    @Override
    public ReplicaStatus toReplicaStatus(Map<String, String> row) {
        return mapper.map(row, usingGtid(Row.of(row)));
    }

    @Override
    public Map<String, String> defaultChannel(List<Map<String, String>> rows) {
        return mapper.defaultChannel(rows);
    }

    @Override
    public GtidState toGtidState(Map<String, String> gtidRow, Map<String, String> replicaRow) {
        Row gtid = Row.of(gtidRow);
        Row replica = Row.of(replicaRow);
        boolean replicating = !replica.text("Master_Host").isBlank();
        return new GtidState("", "", "", false, false, replicating && usingGtid(replica),
                gtid.text("gtid_binlog_pos"), gtid.text("gtid_slave_pos"), gtid.text("gtid_current_pos"),
                gtid.text("gtid_binlog_state"));
    }

    @Override
    public String serverUuid(Map<String, String> variables) {
        return "";
    }

    @Override
    public boolean isMasterConnectionError(String lastIoError) {
        return ReplicationDialect.mentions(lastIoError, "error connecting to master");
    }

    private static boolean usingGtid(Row row) {
        String mode = row.text("Using_Gtid");
        return mode.equalsIgnoreCase("Slave_Pos") || mode.equalsIgnoreCase("Current_Pos");
    }
}
