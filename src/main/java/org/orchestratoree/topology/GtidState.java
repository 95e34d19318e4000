package org.orchestratoree.topology;

/**
 * GTID state in both models: MySQL's executed/purged sets and MariaDB's domain-server-sequence positions.
 * Strings are kept as the server prints them; empty when the server has no such notion.
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
        String mariaDbCurrentPos) {

    public static final GtidState NONE = new GtidState("OFF", "", "", false, false, false, "", "", "");
}
