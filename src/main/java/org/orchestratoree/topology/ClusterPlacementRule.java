package org.orchestratoree.topology;

import java.util.Optional;

/** Decides where a freshly probed instance sits, from what is known of its master. */
public final class ClusterPlacementRule {

    private ClusterPlacementRule() {
    }

    /**
     * A master heads its cluster. A replica joins its master's cluster one level deeper; while the master is
     * not known yet, the cluster is named after the master's key, which is what it will be once the master is
     * probed. Two servers replicating from each other are co-masters: the writable one (or, if both or
     * neither are, the smaller key) heads the cluster, so the pair never chase each other's name.
     */
    public static ClusterPlacement placementOf(InstanceSnapshot snapshot, Optional<Instance> master) {
        if (!snapshot.isReplica()) {
            return ClusterPlacement.headOf(snapshot.key());
        }
        InstanceKey masterKey = snapshot.masterKey();
        if (master.isEmpty()) {
            return new ClusterPlacement(masterKey.toString(), 1, false);
        }
        InstanceSnapshot m = master.get().snapshot();
        if (key(m.masterKey()).equals(snapshot.key())) {
            InstanceKey head = coMasterHead(snapshot, m);
            int depth = head.equals(snapshot.key()) ? 0 : 1;
            return new ClusterPlacement(head.toString(), depth, true);
        }
        return ClusterPlacement.below(master.get().placement());
    }

    private static InstanceKey coMasterHead(InstanceSnapshot self, InstanceSnapshot other) {
        if (self.readOnly() != other.readOnly()) {
            return self.readOnly() ? other.key() : self.key();
        }
        return self.key().compareTo(other.key()) <= 0 ? self.key() : other.key();
    }

    private static Object key(InstanceKey key) {
        return key == null ? "" : key;
    }
}
