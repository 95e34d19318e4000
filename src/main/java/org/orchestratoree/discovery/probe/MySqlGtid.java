package org.orchestratoree.discovery.probe;

import org.orchestratoree.topology.GtidState;

/** MySQL/Percona GTID model, identical before and after the 8.0.22 vocabulary change. */
final class MySqlGtid {

    static final String QUERY = "SELECT @@global.gtid_mode AS gtid_mode, @@global.gtid_executed AS gtid_executed,"
            + " @@global.gtid_purged AS gtid_purged";

    private MySqlGtid() {
    }

    /**
     * Orchestrator's reading: the server supports GTID replication when gtid_mode is anything but OFF;
     * a replica uses it when its channel has Auto_Position = 1.
     */
    static GtidState map(Row gtid, Row replica) {
        String mode = gtid.has("gtid_mode") ? gtid.text("gtid_mode") : "OFF";
        boolean supports = !mode.isEmpty() && !mode.equalsIgnoreCase("OFF");
        boolean using = replica.number("Auto_Position", 0) == 1;
        return new GtidState(mode, gtid.text("gtid_executed"), gtid.text("gtid_purged"), supports, using,
                false, "", "", "");
    }
}
