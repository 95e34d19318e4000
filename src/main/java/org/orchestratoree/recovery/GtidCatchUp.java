package org.orchestratoree.recovery;

import java.util.HashMap;
import java.util.Map;
import org.orchestratoree.topology.GtidSet;

/**
 * Whether a replica has everything a frozen master executed, by GTID: the test a graceful takeover waits on
 * before it promotes, so that no write acknowledged by the old master is lost.
 */
public final class GtidCatchUp {

    private GtidCatchUp() {
    }

    /**
     * @param replicaPosition MariaDB gtid_current_pos or MySQL gtid_executed of the replica
     * @param masterPosition the same of the master
     */
    public static boolean covers(String replicaPosition, String masterPosition, boolean mariaDb) {
        if (!mariaDb) {
            return !GtidSet.parse(masterPosition).hasTransactionsNotIn(GtidSet.parse(replicaPosition));
        }
        Map<Long, Long> replica = mariaDbPosition(replicaPosition);
        // a MariaDB position holds the last GTID per replication domain; sequence numbers grow within a domain
        return mariaDbPosition(masterPosition).entrySet().stream()
                .allMatch(e -> replica.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    /** Domain id to sequence number, from {@code domain-server-sequence[,...]}; malformed parts are ignored. */
    static Map<Long, Long> mariaDbPosition(String position) {
        Map<Long, Long> result = new HashMap<>();
        if (position == null) {
            return result;
        }
        for (String gtid : position.replaceAll("\\s", "").split(",")) {
            String[] parts = gtid.split("-");
            if (parts.length != 3) {
                continue;
            }
            try {
                result.merge(Long.parseLong(parts[0]), Long.parseLong(parts[2]), Math::max);
            } catch (NumberFormatException e) {
                // not a GTID: skip it
            }
        }
        return result;
    }
}
