package org.orchestratoree.recovery;

import java.time.Instant;
import java.util.Objects;
import org.orchestratoree.ha.Command;
import org.orchestratoree.topology.InstanceKey;

/**
 * Acknowledge recoveries, which also ends their active period and so unblocks further recoveries. Exactly
 * one selector is set: a recovery id or uid, a cluster, an instance, or all recoveries.
 *
 * @param clusterAlias with {@code clusterName}: recoveries recorded under the alias are acknowledged too
 * @return applying it answers how many recoveries were acknowledged
 */
public record AckRecoveryCommand(
        String owner,
        String comment,
        Instant at,
        long recoveryId,
        String uid,
        String clusterName,
        String clusterAlias,
        InstanceKey key,
        boolean allRecoveries) implements Command<Integer> {

    public AckRecoveryCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
    }

    public static AckRecoveryCommand byId(long id, String owner, String comment, Instant at) {
        return new AckRecoveryCommand(owner, comment, at, id, null, null, null, null, false);
    }

    public static AckRecoveryCommand byUid(String uid, String owner, String comment, Instant at) {
        return new AckRecoveryCommand(owner, comment, at, 0, uid, null, null, null, false);
    }

    public static AckRecoveryCommand cluster(String clusterName, String clusterAlias, String owner, String comment,
                                             Instant at) {
        return new AckRecoveryCommand(owner, comment, at, 0, null, clusterName, clusterAlias, null, false);
    }

    public static AckRecoveryCommand instance(InstanceKey key, String owner, String comment, Instant at) {
        return new AckRecoveryCommand(owner, comment, at, 0, null, null, null, key, false);
    }

    public static AckRecoveryCommand all(String owner, String comment, Instant at) {
        return new AckRecoveryCommand(owner, comment, at, 0, null, null, null, null, true);
    }

    @Override
    public String name() {
        return "ack-recovery";
    }
}
