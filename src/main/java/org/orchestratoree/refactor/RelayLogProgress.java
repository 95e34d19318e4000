package org.orchestratoree.refactor;

import java.util.HashMap;
import java.util.Map;
import org.orchestratoree.topology.GtidSet;
import org.orchestratoree.topology.ReplicaStatus;

/**
 * Whether a replica's SQL thread has applied everything its IO thread fetched: the point at which a replica
 * can be promoted without losing what it already received. GTIDs decide when the replica uses them (they
 * stay comparable across relay log rotations); otherwise the master coordinates read and executed.
 */
final class RelayLogProgress {

    private RelayLogProgress() {
    }

    /**
     * @param ioPosition MariaDB: Gtid_IO_Pos; MySQL: Retrieved_Gtid_Set
     * @param applied    MariaDB: @@gtid_slave_pos; MySQL: Executed_Gtid_Set
     */
    static boolean applied(ReplicaStatus status, boolean mariaDb, String ioPosition, String applied) {
        String io = ioPosition == null ? "" : ioPosition.trim();
        if (status.usingGtid() && !io.isEmpty()) {
            return mariaDb ? mariaDbCovers(applied, io)
                    : !GtidSet.parse(io).hasTransactionsNotIn(GtidSet.parse(applied));
        }
        return status.readCoordinates().equals(status.execCoordinates());
    }

    /** MariaDB positions hold one domain-server-sequence per domain; sequences grow within a domain. */
    static boolean mariaDbCovers(String applied, String wanted) {
        Map<String, Long> have = mariaDbSequences(applied);
        for (Map.Entry<String, Long> w : mariaDbSequences(wanted).entrySet()) {
            if (have.getOrDefault(w.getKey(), -1L) < w.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Long> mariaDbSequences(String position) {
        Map<String, Long> sequences = new HashMap<>();
        if (position == null) {
            return sequences;
        }
        for (String gtid : position.replaceAll("\\s", "").split(",")) {
            String[] parts = gtid.split("-");
            if (parts.length == 3) {
                try {
                    sequences.merge(parts[0], Long.parseLong(parts[2]), Math::max);
                } catch (NumberFormatException e) {
                    // not a GTID; ignored like the analysis ignores malformed GTID sets
                }
            }
        }
        return sequences;
    }
}
