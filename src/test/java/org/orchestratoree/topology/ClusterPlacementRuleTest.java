package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orchestratoree.topology.TestInstances.freshChecks;
import static org.orchestratoree.topology.TestInstances.replicating;
import static org.orchestratoree.topology.TestInstances.snapshot;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterPlacementRuleTest {

    @Test
    void masterHeadsItsCluster() {
        InstanceSnapshot master = snapshot("db1:3306", null);
        assertEquals(new ClusterPlacement("db1:3306", 0, false),
                ClusterPlacementRule.placementOf(master, Optional.empty()));
    }

    @Test
    void replicaBelowKnownMasterJoinsItsClusterOneDeeper() {
        Instance master = new Instance(snapshot("db1:3306", null), new ClusterPlacement("db1:3306", 0, false),
                freshChecks());
        InstanceSnapshot replica = snapshot("db2:3306", replicating("db1:3306", 0L));
        assertEquals(new ClusterPlacement("db1:3306", 1, false),
                ClusterPlacementRule.placementOf(replica, Optional.of(master)));
    }

    @Test
    void replicaBelowIntermediateMasterTakesTheClusterOfTheTop() {
        Instance intermediate = new Instance(snapshot("db2:3306", replicating("db1:3306", 0L)),
                new ClusterPlacement("db1:3306", 1, false), freshChecks());
        InstanceSnapshot replica = snapshot("db3:3306", replicating("db2:3306", 0L));
        assertEquals(new ClusterPlacement("db1:3306", 2, false),
                ClusterPlacementRule.placementOf(replica, Optional.of(intermediate)));
    }

    @Test
    void unknownMasterNamesTheClusterAfterTheMasterKey() {
        InstanceSnapshot replica = snapshot("db2:3306", replicating("db1:3307", 0L));
        assertEquals(new ClusterPlacement("db1:3307", 1, false),
                ClusterPlacementRule.placementOf(replica, Optional.empty()));
    }

    private static InstanceSnapshot coMaster(String self, String other, boolean readOnly) {
        InstanceSnapshot s = snapshot(self, replicating(other, 0L));
        return new InstanceSnapshot(s.key(), s.serverId(), s.serverUuid(), s.version(), readOnly, s.binlog(),
                s.selfCoordinates(), s.replication(), s.gtid(), s.semiSync(), s.replicaKeys(), s.uptimeSeconds(),
                s.location(), s.suggestedClusterAlias());
    }

    private static Instance known(InstanceSnapshot s) {
        return new Instance(s, ClusterPlacement.headOf(s.key()), freshChecks());
    }

    @Test
    void writableCoMasterHeadsTheCluster() {
        InstanceSnapshot writable = coMaster("db2:3306", "db1:3306", false);
        InstanceSnapshot readOnly = coMaster("db1:3306", "db2:3306", true);
        assertEquals(new ClusterPlacement("db2:3306", 0, true),
                ClusterPlacementRule.placementOf(writable, Optional.of(known(readOnly))));
        assertEquals(new ClusterPlacement("db2:3306", 1, true),
                ClusterPlacementRule.placementOf(readOnly, Optional.of(known(writable))));
    }

    @Test
    void bothReadOnlyCoMastersAreHeadedByTheSmallerKey() {
        InstanceSnapshot a = coMaster("db1:3306", "db2:3306", true);
        InstanceSnapshot b = coMaster("db2:3306", "db1:3306", true);
        assertEquals(new ClusterPlacement("db1:3306", 0, true),
                ClusterPlacementRule.placementOf(a, Optional.of(known(b))));
        assertEquals(new ClusterPlacement("db1:3306", 1, true),
                ClusterPlacementRule.placementOf(b, Optional.of(known(a))));
    }

    @Test
    void bothWritableCoMastersAreHeadedByTheSmallerKey() {
        InstanceSnapshot a = coMaster("db1:3307", "db1:3306", false);
        InstanceSnapshot b = coMaster("db1:3306", "db1:3307", false);
        assertEquals(new ClusterPlacement("db1:3306", 1, true),
                ClusterPlacementRule.placementOf(a, Optional.of(known(b))));
        assertEquals(new ClusterPlacement("db1:3306", 0, true),
                ClusterPlacementRule.placementOf(b, Optional.of(known(a))));
    }

    @Test
    void masterThatIsItselfAReplicaOfSomeoneElseIsNotACoMaster() {
        Instance master = new Instance(snapshot("db1:3306", replicating("db0:3306", 0L)),
                new ClusterPlacement("db0:3306", 1, false), freshChecks());
        InstanceSnapshot replica = snapshot("db2:3306", replicating("db1:3306", 0L));
        assertEquals(new ClusterPlacement("db0:3306", 2, false),
                ClusterPlacementRule.placementOf(replica, Optional.of(master)));
    }
}
