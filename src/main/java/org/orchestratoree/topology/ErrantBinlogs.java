package org.orchestratoree.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the binary logs that hold a replica's errant transactions, from the GTID history each log starts with
 * (MySQL's Previous_gtids, MariaDB's Gtid_list event) and the server's history now: a log holds what the next
 * log's header (or, for the last log, the current history) has beyond its own header.
 */
public final class ErrantBinlogs {

    /**
     * @param binlogs the logs holding errant transactions, oldest first
     * @param purged errant transactions older than the oldest log, already purged ("" when none)
     */
    public record Location(List<String> binlogs, String purged) {
        public Location {
            binlogs = List.copyOf(binlogs);
        }
    }

    private ErrantBinlogs() {
    }

    /**
     * MySQL: {@code headers} maps each log, oldest first, to its Previous_gtids set; {@code executed} is the
     * server's gtid_executed now.
     */
    public static Location mySql(String errant, Map<String, String> headers, String executed) {
        GtidSet wanted = GtidSet.parse(errant);
        List<String> names = new ArrayList<>(headers.keySet());
        List<String> found = new ArrayList<>();
        String purged = "";
        for (int i = 0; i < names.size(); i++) {
            GtidSet before = GtidSet.parse(headers.get(names.get(i)));
            GtidSet after = GtidSet.parse(i + 1 < names.size() ? headers.get(names.get(i + 1)) : executed);
            if (i == 0) {
                purged = wanted.subtract(wanted.subtract(before)).toString();
            }
            GtidSet notBefore = wanted.subtract(before);
            if (notBefore.hasTransactionsNotIn(wanted.subtract(after))) {
                found.add(names.get(i));
            }
        }
        return new Location(found, purged);
    }

    /**
     * MariaDB: {@code errant} as GtidErrant shows it (the replica's last GTID of each errant domain and server),
     * {@code masterState} the master's binlog state (its last sequence number of each pair is where the errant
     * ones begin), {@code headers} each log's Gtid_list, oldest first, and {@code stateNow} the server's
     * gtid_binlog_state.
     */
    public static Location mariaDb(String errant, String masterState, Map<String, String> headers, String stateNow) {
        MariaDbGtidState wanted = MariaDbGtidState.parse(errant);
        MariaDbGtidState master = MariaDbGtidState.parse(masterState);
        List<String> names = new ArrayList<>(headers.keySet());
        List<String> found = new ArrayList<>();
        List<String> purged = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            MariaDbGtidState before = MariaDbGtidState.parse(headers.get(names.get(i)));
            MariaDbGtidState after = MariaDbGtidState.parse(i + 1 < names.size() ? headers.get(names.get(i + 1)) : stateNow);
            boolean holds = false;
            for (MariaDbGtidState.Source pair : wanted.sources()) {
                long errantFrom = master.last(pair).orElse(0L);
                long start = before.last(pair).orElse(0L);
                long end = after.last(pair).orElse(0L);
                holds |= end > Math.max(start, errantFrom);
                if (i == 0 && start > errantFrom) {
                    purged.add(pair.domain() + "-" + pair.serverId() + "-" + start);
                }
            }
            if (holds) {
                found.add(names.get(i));
            }
        }
        return new Location(found, String.join(",", purged));
    }
}
