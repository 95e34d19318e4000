package org.orchestratoree.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ServerVersion;

/** What the rules know of the analyzed instance and its direct replicas. */
record InstanceFacts(
        Instance instance,
        boolean isMaster,
        boolean isCoMaster,
        boolean lastCheckValid,
        boolean isDowntimed,
        boolean isBinlogServer,
        boolean failingToConnectToMaster,
        ReplicaGroup replicas) {

    static InstanceFacts of(Instance instance, List<Instance> replicas, AnalysisContext ctx) {
        ReplicaGroup group = ReplicaGroup.of(replicas, ctx);
        boolean coMaster = instance.placement().coMaster()
                || replicas.stream().anyMatch(r -> r.placement().coMaster());
        boolean valid = lastCheckValid(instance.checks(), ctx);
        // a replica's own complaint about its master only counts if that snapshot is current (orchestrator
        // also trusts stale rows here, which reports a long-dead replica as failing to connect forever)
        return new InstanceFacts(instance, instance.isMaster(), coMaster, valid,
                ctx.downtimed().contains(instance.key()), isBinlogServer(instance.snapshot().version()),
                valid && MasterConnectionError.failingToConnect(instance.snapshot().replication()), group);
    }

    /**
     * Orchestrator's is_last_check_valid: the last probe succeeded, and no probe started since has been hanging
     * for longer than a poll interval and a second (a server that accepts connections but never answers).
     */
    static boolean lastCheckValid(CheckTimes checks, AnalysisContext ctx) {
        if (!checks.lastCheckValid() || checks.lastSeen() == null) {
            return false;
        }
        Instant attempted = checks.lastAttemptedCheck();
        Instant deadline = checks.lastSeen().plus(ctx.pollInterval()).plusSeconds(1);
        return attempted == null || !attempted.isAfter(deadline);
    }

    /** The domain has no binlog-server flag; MaxScale's binlog router is the one orchestrator recognises. */
    static boolean isBinlogServer(ServerVersion version) {
        String all = (version.version() + " " + version.versionComment()).toLowerCase(Locale.ROOT);
        return all.contains("maxscale");
    }

    InstanceKey key() {
        return instance.key();
    }

    InstanceKey masterKey() {
        return instance.snapshot().masterKey();
    }

    int replicationDepth() {
        return instance.placement().replicationDepth();
    }

    /** Never answered a probe: nothing it reports about itself (read_only, gtid_mode...) is real. */
    boolean neverSeen() {
        return instance.checks().lastSeen() == null;
    }
}
