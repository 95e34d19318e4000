package org.orchestratoree.analysis;

import java.util.List;
import java.util.function.Predicate;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;

/**
 * The direct replicas of one instance, split the way orchestrator's analysis query counts them. Kept as lists
 * rather than numbers so that a reason can name the replicas behind each count.
 */
record ReplicaGroup(
        List<Instance> all,
        List<Instance> valid,
        List<Instance> replicating,
        List<Instance> failingToConnect,
        List<Instance> downtimed,
        List<Instance> lagging,
        List<Instance> delayed,
        List<Instance> semiSyncEnabled) {

    static ReplicaGroup of(List<Instance> replicas, AnalysisContext ctx) {
        List<Instance> valid = filter(replicas, ReplicaGroup::lastCheckValid);
        return new ReplicaGroup(
                List.copyOf(replicas),
                valid,
                filter(valid, r -> r.snapshot().replication().replicating()),
                filter(valid, r -> MasterConnectionError.failingToConnect(r.snapshot().replication())),
                filter(replicas, r -> ctx.downtimed().contains(r.key())),
                filter(replicas, r -> lagging(r.snapshot().replication(), ctx.reasonableReplicationLagSeconds())),
                filter(replicas, r -> r.snapshot().replication().sqlDelay() > 0),
                filter(replicas, r -> r.snapshot().semiSync().replicaEnabled()));
    }

    /** A replica's word counts when its own last probe succeeded (orchestrator: last_checked <= last_seen). */
    static boolean lastCheckValid(Instance replica) {
        return replica.checks().lastCheckValid();
    }

    /** A NULL Seconds_Behind_Master says nothing about lag; it shows up as "not replicating" instead. */
    private static boolean lagging(ReplicaStatus replication, long reasonableSeconds) {
        Long behind = replication.secondsBehindMaster();
        return behind != null && behind > reasonableSeconds;
    }

    int count() {
        return all.size();
    }

    int countValid() {
        return valid.size();
    }

    int countReplicating() {
        return replicating.size();
    }

    int countFailingToConnect() {
        return failingToConnect.size();
    }

    List<Instance> unreachable() {
        return filter(all, r -> !lastCheckValid(r));
    }

    List<Instance> validNotReplicating() {
        return filter(valid, r -> !r.snapshot().replication().replicating());
    }

    /** Reachable replicas that are not replicating yet do not blame the connection (e.g. stopped by hand). */
    List<Instance> validNotConfirming() {
        return filter(validNotReplicating(), r -> !failingToConnect.contains(r));
    }

    List<InstanceKey> keys() {
        return all.stream().map(Instance::key).toList();
    }

    private static List<Instance> filter(List<Instance> instances, Predicate<Instance> test) {
        return instances.stream().filter(test).toList();
    }
}
