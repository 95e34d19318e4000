package org.orchestratoree.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out a replica's errant GTIDs (transactions it has that its master never had) from its fresh snapshot
 * and the backend's snapshot of its master.
 *
 * <p>The master's snapshot may be older than the replica's, so whatever the servers above the replica wrote
 * could look errant merely because the master was probed before it wrote it: transactions originating on any
 * ancestor are left out, as orchestrator does. What remains (the replica's own writes, and transactions of
 * servers no longer above it) is compared with the master's state. A co-master also leaves out its own writes,
 * which its partner may not have applied yet.
 *
 * <ul>
 *   <li>MySQL: the replica's {@code gtid_executed} minus the master's, as a GTID set.</li>
 *   <li>MariaDB: GTIDs carry (domain, server id, sequence). Both binlog states ({@code gtid_binlog_state}) are
 *   compared per (domain, server id): where the replica's last sequence number is beyond the master's last one
 *   for that pair (or the master has none), every transaction of that server in that domain after the
 *   master's last one is errant. Each such pair is shown as the replica's last GTID of it,
 *   {@code domain-serverid-sequence}, comma separated, in the GTID list form MariaDB prints.</li>
 * </ul>
 */
public final class ErrantGtidRule {

    private ErrantGtidRule() {
    }

    public static GtidLineage lineageOf(InstanceSnapshot replica, Optional<Instance> master, boolean coMaster) {
        if (!replica.isReplica() || master.isEmpty()) {
            return GtidLineage.NONE;
        }
        Instance m = master.get();
        InstanceSnapshot ms = m.snapshot();
        Set<String> uuids = new LinkedHashSet<>();
        if (!ms.serverUuid().isEmpty()) {
            uuids.add(ms.serverUuid());
        }
        uuids.addAll(m.lineage().ancestorUuids());
        Set<Long> ids = new LinkedHashSet<>();
        if (ms.serverId() != 0) {
            ids.add(ms.serverId());
        }
        ids.addAll(m.lineage().ancestorServerIds());
        String errant = replica.version().flavor() == Flavor.MARIADB
                ? mariaDb(replica, ms, ids, coMaster)
                : mySql(replica, ms, uuids, coMaster);
        return new GtidLineage(new ArrayList<>(uuids), new ArrayList<>(ids), errant);
    }

    static String mySql(InstanceSnapshot replica, InstanceSnapshot master, Set<String> ancestors, boolean coMaster) {
        return mySqlErrant(replica.gtid().executedGtidSet(), master.gtid().executedGtidSet(), ancestors,
                replica.serverUuid(), replica.replication().masterUuid(), coMaster);
    }

    /** Orchestrator's computation, with sets parsed and subtracted here rather than by GTID_SUBTRACT(). */
    public static String mySqlErrant(String executed, String masterExecuted, Set<String> ancestorUuids,
                                     String ownUuid, String masterUuid, boolean coMaster) {
        if (executed.isBlank() || masterExecuted.isBlank()) {
            return "";
        }
        List<String> ignored = new ArrayList<>();
        for (String uuid : ancestorUuids) {
            if (!uuid.equalsIgnoreCase(ownUuid)) {
                ignored.add(uuid);
            }
        }
        if (coMaster && !ownUuid.isEmpty()) {
            ignored.add(ownUuid);
        }
        GtidSet mine = GtidSet.parse(executed).withoutSources(ignored);
        if (mine.isEmpty()) {
            return "";
        }
        GtidSet theirs = GtidSet.parse(masterExecuted).withoutSources(
                masterUuid == null || masterUuid.isEmpty() ? List.of() : List.of(masterUuid));
        return mine.subtract(theirs).toString();
    }

    static String mariaDb(InstanceSnapshot replica, InstanceSnapshot master, Set<Long> ancestors, boolean coMaster) {
        GtidState m = master.gtid();
        // a master row written before binlog states were recorded has a position but no state: cannot tell yet
        boolean masterStateKnown = !m.mariaDbBinlogState().isBlank()
                || (m.mariaDbBinlogPos().isBlank() && master.binlog().logBinEnabled());
        if (!masterStateKnown) {
            return "";
        }
        return mariaDbErrant(replica.gtid().mariaDbBinlogState(), m.mariaDbBinlogState(), ancestors,
                replica.serverId(), coMaster);
    }

    public static String mariaDbErrant(String binlogState, String masterBinlogState, Set<Long> ancestorServerIds,
                                       long ownServerId, boolean coMaster) {
        Set<Long> ignored = new LinkedHashSet<>(ancestorServerIds);
        ignored.remove(ownServerId);
        if (coMaster) {
            ignored.add(ownServerId);
        }
        return MariaDbGtidState.parse(binlogState).notIn(MariaDbGtidState.parse(masterBinlogState), ignored).toString();
    }
}
