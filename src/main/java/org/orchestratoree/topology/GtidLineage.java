package org.orchestratoree.topology;

import java.util.List;

/**
 * What decides a replica's errant GTIDs, as worked out when it was probed: the servers above it (their
 * transactions reach it by replication, so a stale snapshot of its master must not make them look errant)
 * and the transactions it has that its master lacks.
 *
 * @param ancestorUuids server UUIDs of its master, its master's master, ... (MySQL), nearest first
 * @param ancestorServerIds server ids of the same servers (MariaDB GTIDs carry server ids)
 * @param errant orchestrator's GtidErrant: a MySQL GTID set, or MariaDB GTIDs as described in
 *        {@link ErrantGtidRule}; empty when there are none or they cannot be told
 */
public record GtidLineage(List<String> ancestorUuids, List<Long> ancestorServerIds, String errant) {

    public static final GtidLineage NONE = new GtidLineage(List.of(), List.of(), "");

    public GtidLineage {
        ancestorUuids = List.copyOf(ancestorUuids);
        ancestorServerIds = List.copyOf(ancestorServerIds);
        errant = errant == null ? "" : errant;
    }

    public boolean hasErrantGtids() {
        return !errant.isEmpty();
    }
}
