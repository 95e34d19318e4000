package org.orchestratoree.topology;

/**
 * GTID state in both models: MySQL's executed/purged sets and MariaDB's domain-server-sequence positions.
 * Strings are kept as the server prints them; empty when the server has no such notion.
 *
 * @param mariaDbBinlogState {@code @@gtid_binlog_state}: the last GTID of every (domain, server id) in the
 *        binary log, where {@code gtid_binlog_pos} keeps only the last of each domain
 */
public record GtidState(
        String gtidMode,
        String executedGtidSet,
        String gtidPurged,
        boolean supportsOracleGtid,
        boolean usingOracleGtid,
        boolean usingMariaDbGtid,
        String mariaDbBinlogPos,
        String mariaDbSlavePos,
        String mariaDbCurrentPos,
        String mariaDbBinlogState) {

    public static final GtidState NONE = new GtidState("OFF", "", "", false, false, false, "", "", "");

    /** A state read without the MariaDB binlog state (a MySQL server, or a fixture). */
    public GtidState(String gtidMode, String executedGtidSet, String gtidPurged, boolean supportsOracleGtid,
                     boolean usingOracleGtid, boolean usingMariaDbGtid, String mariaDbBinlogPos,
                     String mariaDbSlavePos, String mariaDbCurrentPos) {
        this(gtidMode, executedGtidSet, gtidPurged, supportsOracleGtid, usingOracleGtid, usingMariaDbGtid,
                mariaDbBinlogPos, mariaDbSlavePos, mariaDbCurrentPos, "");
    }
}
