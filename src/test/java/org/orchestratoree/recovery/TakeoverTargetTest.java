package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.ClusterPlacement;
import org.orchestratoree.topology.GtidState;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.Location;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;
import org.orchestratoree.topology.SemiSyncState;
import org.orchestratoree.topology.ServerVersion;

class TakeoverTargetTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final InstanceKey MASTER = InstanceKey.parse("db1:3306");
    private final TakeoverTarget targets = new TakeoverTarget();
    private final Instance master = instance("db1:3306", null, 0, null);
    private final Instance db2 = instance("db2:3306", MASTER, 500, 0L);
    private final Instance db3 = instance("db3:3306", MASTER, 900, 0L);

    private static Instance instance(String key, InstanceKey masterKey, long execPos, Long lag) {
        ReplicaStatus replication = masterKey == null ? null : new ReplicaStatus(masterKey, "",
                ReplicationThreadState.RUNNING, ReplicationThreadState.RUNNING, 0, "", 0, "", lag, 0,
                new BinlogCoordinates("mysql-bin.000003", execPos), new BinlogCoordinates("mysql-bin.000003", execPos),
                new BinlogCoordinates("relay.000002", 100), true, "", false);
        InstanceSnapshot s = new InstanceSnapshot(InstanceKey.parse(key), 1, "", ServerVersion.of("10.11.6-MariaDB", ""),
                masterKey != null, new BinlogSettings(true, true, "ROW", "FULL"), BinlogCoordinates.NONE, replication,
                GtidState.NONE, SemiSyncState.NONE, List.of(), 100, new Location("dc1", "eu", ""), "");
        return new Instance(s, new ClusterPlacement("db1:3306", masterKey == null ? 0 : 1, false),
                new CheckTimes(NOW, NOW, NOW, true, 3));
    }

    private Instance designate(List<Instance> replicas, String designated, boolean auto,
                               Map<InstanceKey, PromotionRule> rules) {
        return targets.designate(master, replicas, Optional.ofNullable(designated).map(InstanceKey::parse), auto,
                rules, 10);
    }

    @Test
    void aSingleReplicaTakesOverWithoutBeingNamed() {
        assertEquals(db2.key(), designate(List.of(db2), null, false, Map.of()).key());
    }

    @Test
    void severalReplicasNeedATargetUnlessAuto() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> designate(List.of(db2, db3), null, false, Map.of()));
        assertTrue(e.getMessage().contains("has 2 replicas. orchestrator cannot choose where to failover to"),
                e.getMessage());
        assertEquals(db3.key(), designate(List.of(db2, db3), null, true, Map.of()).key(), "the most advanced");
        assertEquals(db2.key(), designate(List.of(db2, db3), "db2:3306", false, Map.of()).key());
    }

    @Test
    void theTargetMustReplicateDirectlyFromTheMaster() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> designate(List.of(db2, db3), "db4:3306", false, Map.of()));
        assertEquals("GracefulMasterTakeover: indicated designated instance db4:3306 must be directly replicating "
                + "from the master db1:3306", e.getMessage());
    }

    @Test
    void aMustNotOrLaggingOrLonelyTargetIsRefused() {
        assertThrows(CommandFailedException.class, () -> designate(List.of(db2), "db2:3306", false,
                Map.of(db2.key(), PromotionRule.MUST_NOT)));
        Instance lagging = instance("db2:3306", MASTER, 500, 60L);
        assertTrue(assertThrows(CommandFailedException.class, () -> designate(List.of(lagging), null, false, Map.of()))
                .getMessage().contains("lagging too much"));
        assertTrue(assertThrows(CommandFailedException.class, () -> designate(List.of(), null, true, Map.of()))
                .getMessage().contains("doesn't seem to have replicas"));
    }
}
