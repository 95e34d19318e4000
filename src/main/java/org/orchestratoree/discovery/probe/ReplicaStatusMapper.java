package org.orchestratoree.discovery.probe;

import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

/** Turns one replica-status row into {@link ReplicaStatus}, given the dialect's column names. */
final class ReplicaStatusMapper {

    private static final List<String> FILTER_COLUMNS = List.of("Replicate_Do_DB", "Replicate_Ignore_DB",
            "Replicate_Do_Table", "Replicate_Ignore_Table", "Replicate_Wild_Do_Table",
            "Replicate_Wild_Ignore_Table");

    private final StatusColumns columns;

    ReplicaStatusMapper(StatusColumns columns) {
        this.columns = columns;
    }

    /**
     * The row's replication, or null when none is configured: no row, or a row whose master host is
     * empty (left behind by RESET SLAVE without ALL).
     */
    ReplicaStatus map(Map<String, String> values, boolean usingGtid) {
        Row row = Row.of(values);
        String host = row.text(columns.masterHost()).trim();
        if (row.isEmpty() || host.isEmpty()) {
            return null;
        }
        InstanceKey master = new InstanceKey(host, (int) row.number(columns.masterPort(), InstanceKey.DEFAULT_PORT));
        return new ReplicaStatus(
                master,
                row.text(columns.masterUuid()),
                ReplicationThreadState.of(row.text(columns.ioRunning())),
                ReplicationThreadState.of(row.text(columns.sqlRunning())),
                (int) row.number("Last_IO_Errno", 0),
                row.text("Last_IO_Error"),
                (int) row.number("Last_SQL_Errno", 0),
                row.text("Last_SQL_Error"),
                row.nullableNumber(columns.secondsBehind()),
                row.number("SQL_Delay", 0),
                coordinates(row, columns.readFile(), columns.readPos()),
                coordinates(row, columns.execFile(), columns.execPos()),
                coordinates(row, "Relay_Log_File", "Relay_Log_Pos"),
                usingGtid,
                row.text("Retrieved_Gtid_Set"),
                hasFilters(row));
    }

    /**
     * The default replication channel's row. Orchestrator manages single-source replication only, so
     * named MySQL channels and MariaDB named connections are ignored; with no channel column at all the
     * single row is the default one.
     */
    Map<String, String> defaultChannel(List<Map<String, String>> rows) {
        for (Map<String, String> values : rows) {
            Row row = Row.of(values);
            if (!row.has(columns.channelName()) || row.text(columns.channelName()).isEmpty()) {
                return values;
            }
        }
        return Map.of();
    }

    private static BinlogCoordinates coordinates(Row row, String file, String pos) {
        String name = row.text(file);
        return name.isEmpty() ? BinlogCoordinates.NONE : new BinlogCoordinates(name, row.number(pos, 0));
    }

    private static boolean hasFilters(Row row) {
        return FILTER_COLUMNS.stream().anyMatch(c -> !row.text(c).isBlank());
    }
}
