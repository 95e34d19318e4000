package org.orchestratoree.discovery.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.SemiSyncState;
import org.orchestratoree.topology.ServerVersion;

/**
 * What differs between server families and versions: the statements that read replication state and
 * how their rows translate into domain values. Rows are plain {@code Map<String,String>} (column label
 * to value, SQL NULL as null) so each dialect can be tested with literal rows.
 */
public interface ReplicationDialect {

    /** Chooses the dialect from {@code @@version}/{@code @@version_comment}. */
    static ReplicationDialect forVersion(ServerVersion version) {
        if (version.flavor() == Flavor.MARIADB) {
            return new MariaDbDialect();
        }
        if (atLeast(version.version(), 8, 0, 22)) {
            return new MySqlModernDialect(atLeast(version.version(), 8, 2, 0));
        }
        return new MySqlLegacyDialect();
    }

    /** Short name for logs. */
    String name();

    /** Reads this server's own replication (one row per channel). */
    String replicaStatusQuery();

    /** Reads this server's own binary log position (File, Position). */
    String masterStatusQuery();

    /** Lists replicas that registered with this server (Host, Port). */
    String replicaHostsQuery();

    /** One row of GTID variables; read by SELECT because SHOW VARIABLES truncates long GTID sets. */
    String gtidQuery();

    /** The replication described by the default channel's row; null when none is configured. */
    ReplicaStatus toReplicaStatus(Map<String, String> row);

    /** The default channel's row among the status rows, or an empty map. */
    Map<String, String> defaultChannel(List<Map<String, String>> rows);

    /**
     * GTID state from the {@link #gtidQuery()} row and the default replica-status row (empty map for a
     * server that replicates from nobody).
     */
    GtidState toGtidState(Map<String, String> gtidRow, Map<String, String> replicaRow);

    /** {@code @@server_uuid} where the family has one, else "". */
    String serverUuid(Map<String, String> variables);

    /**
     * Whether a Last_IO_Error says the IO thread cannot connect to its master: the phrase the dead-master
     * analysis counts. MySQL 8 says "source" where older servers and MariaDB say "master".
     */
    boolean isMasterConnectionError(String lastIoError);

    /** Binlog settings from SHOW GLOBAL VARIABLES (names lower case). */
    default BinlogSettings toBinlogSettings(Map<String, String> variables) {
        Row row = Row.of(variables);
        // MySQL 8.0.26 added log_replica_updates; 8.4 may lack the old name, older servers the new one
        boolean replicaUpdates = row.has("log_replica_updates") ? row.flag("log_replica_updates")
                : row.flag("log_slave_updates");
        return new BinlogSettings(row.flag("log_bin"), replicaUpdates, row.text("binlog_format"),
                row.text("binlog_row_image"));
    }

    /** Semi-sync from the rpl_semi_sync_% variables and status; absent plugins read as all off. */
    default SemiSyncState toSemiSync(Map<String, String> variables, Map<String, String> status) {
        return SemiSyncMapper.map(Row.of(variables), Row.of(status));
    }

    /** A registered replica, or null when it did not report a host (no report_host). */
    default InstanceKey toReplicaKey(Map<String, String> row) {
        Row r = Row.of(row);
        String host = r.text("Host").trim();
        long port = r.number("Port", 0);
        if (host.isEmpty() || port < 1 || port > 65535) {
            return null;
        }
        return new InstanceKey(host, (int) port);
    }

    /** Own binlog coordinates; NONE when binary logging is off (empty result). */
    default BinlogCoordinates toSelfCoordinates(Map<String, String> row) {
        Row r = Row.of(row);
        String file = r.text("File");
        return file.isEmpty() ? BinlogCoordinates.NONE : new BinlogCoordinates(file, r.number("Position", 0));
    }

    /** Case-insensitive phrase test shared by the dialects' {@link #isMasterConnectionError}. */
    static boolean mentions(String lastIoError, String phrase) {
        return lastIoError != null && lastIoError.toLowerCase(Locale.ROOT).contains(phrase);
    }

    /**
     * Full three-part version comparison; ServerVersion only knows major.minor and the 8.0.22 rename
     * happened in a patch release.
     */
    static boolean atLeast(String version, int major, int minor, int patch) {
        int[] have = {0, 0, 0};
        String[] parts = (version == null ? "" : version).split("[.-]", 4);
        for (int i = 0; i < 3 && i < parts.length; i++) {
            have[i] = leadingInt(parts[i]);
        }
        int[] want = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (have[i] != want[i]) {
                return have[i] > want[i];
            }
        }
        return true;
    }

    private static int leadingInt(String text) {
        int end = 0;
        while (end < text.length() && end < 9 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(text.substring(0, end));
    }
}
