package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

class OrphanParentChooserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final InstanceKey MASTER = InstanceKey.parse("db1:3306");
    private static final InstanceKey DEAD = InstanceKey.parse("db3:3306");
    private final OrphanParentChooser chooser = new OrphanParentChooser();

    /** A server in the tree below db1; tweaks change one property of an otherwise suitable sibling. */
    private static final class Server {
        String key;
        InstanceKey master = MASTER;
        String dc = "dc1";
        String version = "10.11.6-MariaDB";
        boolean valid = true;
        boolean replicating = true;
        boolean logBin = true;
        boolean logReplicaUpdates = true;
        boolean filters;
        int replicaCount;

        Server(String key) {
            this.key = key;
        }

        Instance build() {
            ReplicaStatus replication = master == null ? null : new ReplicaStatus(master, "",
                    replicating ? ReplicationThreadState.RUNNING : ReplicationThreadState.OTHER,
                    ReplicationThreadState.RUNNING, replicating ? 0 : 2003, "", 0, "", 0L, 0,
                    BinlogCoordinates.NONE, BinlogCoordinates.NONE, BinlogCoordinates.NONE, true, "", filters);
            List<InstanceKey> replicas = new ArrayList<>();
            for (int i = 0; i < replicaCount; i++) {
                replicas.add(InstanceKey.parse("r" + i + "-" + key));
            }
            InstanceSnapshot s = new InstanceSnapshot(InstanceKey.parse(key), 1, "", ServerVersion.of(version, ""),
                    master != null, new BinlogSettings(logBin, logReplicaUpdates, "ROW", "FULL"), BinlogCoordinates.NONE,
                    replication, GtidState.NONE, SemiSyncState.NONE, replicas, 100, new Location(dc, "eu", ""), "");
            return new Instance(s, new ClusterPlacement("db1:3306", master == null ? 0 : 1, false),
                    new CheckTimes(NOW, valid ? NOW : NOW.minusSeconds(10), NOW, valid, 3));
        }
    }

    private static Server server(String key) {
        return new Server(key);
    }

    private final Instance master = withMaster(server("db1:3306"), null).build();
    private final Instance dead = dead();
    private final List<Instance> orphans = List.of(withMaster(server("db5:3306"), DEAD).build());

    private static Instance dead() {
        Server s = server("db3:3306");
        s.valid = false;
        s.replicaCount = 1;
        return s.build();
    }

    private static Server withMaster(Server s, InstanceKey master) {
        s.master = master;
        return s;
    }

    private OrphanParentChoice choose(List<Instance> siblings, Map<InstanceKey, PromotionRule> rules) {
        List<Instance> all = new ArrayList<>(siblings);
        all.add(dead); // the dead one is a replica of the master too, and is never its own sibling
        return chooser.choose(dead, master, all, orphans, rules);
    }

    private static String key(OrphanParentChoice choice) {
        return choice.sibling().orElseThrow().key().toString();
    }

    @Test
    void aSuitableSiblingIsChosenAndTheMasterIsTheFallback() {
        OrphanParentChoice choice = choose(List.of(server("db2:3306").build()), Map.of());
        assertEquals("db2:3306", key(choice));
        assertEquals(MASTER, choice.master().orElseThrow().key());
        assertEquals("db2:3306", choice.firstChoice().orElseThrow().key().toString());
        assertTrue(choice.skipped().isEmpty(), choice.skipped().toString());
    }

    @Test
    void unsuitableSiblingsAreSkippedWithTheirReason() {
        Server unreachable = server("db2:3306");
        unreachable.valid = false;
        Server stopped = server("db4:3306");
        stopped.replicating = false;
        Server noBinlog = server("db6:3306");
        noBinlog.logBin = false;
        Server noUpdates = server("db7:3306");
        noUpdates.logReplicaUpdates = false;
        Server newer = server("db8:3306");
        newer.version = "11.4.2-MariaDB";
        Server filtered = server("db9:3306");
        filtered.filters = true;
        Server banned = server("db10:3306");
        OrphanParentChoice choice = choose(List.of(unreachable.build(), stopped.build(), noBinlog.build(),
                noUpdates.build(), newer.build(), filtered.build(), banned.build()),
                Map.of(InstanceKey.parse("db10:3306"), PromotionRule.MUST_NOT));
        assertTrue(choice.sibling().isEmpty());
        String skipped = String.join("\n", choice.skipped());
        assertTrue(skipped.contains("db2:3306: not reachable"), skipped);
        assertTrue(skipped.contains("db4:3306: not replicating"), skipped);
        assertTrue(skipped.contains("db6:3306: has no binary log"), skipped);
        assertTrue(skipped.contains("db7:3306: has no log_slave_updates"), skipped);
        assertTrue(skipped.contains("db8:3306: ") && skipped.contains("newer than"), skipped);
        assertTrue(skipped.contains("db9:3306: replication filters differ"), skipped);
        assertTrue(skipped.contains("db10:3306: registered must_not"), skipped);
        assertEquals(7, choice.skipped().size(), skipped);
        assertEquals(MASTER, choice.firstChoice().orElseThrow().key(), "up below the master when no sibling fits");
    }

    @Test
    void aSiblingInTheSameDataCenterIsPreferred() {
        Server far = server("db2:3306");
        far.dc = "dc2";
        far.replicaCount = 3;
        Server near = server("db4:3306");
        assertEquals("db4:3306", key(choose(List.of(far.build(), near.build()), Map.of())));
    }

    @Test
    void aRegisteredCandidateComesFirstThenTheBusiestSibling() {
        Server far = server("db2:3306");
        far.dc = "dc2";
        Server near = server("db4:3306");
        Map<InstanceKey, PromotionRule> rules = Map.of(InstanceKey.parse("db2:3306"), PromotionRule.PREFER);
        assertEquals("db2:3306", key(choose(List.of(far.build(), near.build()), rules)));

        Server busy = server("db6:3306");
        busy.replicaCount = 2;
        assertEquals("db6:3306", key(choose(List.of(near.build(), busy.build()), Map.of())));
        assertEquals("db4:3306", key(choose(List.of(server("db7:3306").build(), near.build()), Map.of())),
                "the smallest key among equals");
    }

    @Test
    void onlyReachableOrphansMustBeAbleToReplicateFromTheSibling() {
        Server newerOrphan = withMaster(server("db6:3306"), DEAD);
        newerOrphan.version = "10.6.16-MariaDB";
        List<Instance> withOld = List.of(orphans.get(0), newerOrphan.build());
        Instance sibling = server("db2:3306").build();
        assertTrue(chooser.choose(dead, master, List.of(sibling), withOld, Map.of()).sibling().isEmpty(),
                "db2 runs a newer version than the reachable db6");
        newerOrphan.valid = false;
        List<Instance> withUnreachable = List.of(orphans.get(0), newerOrphan.build());
        assertEquals("db2:3306", key(chooser.choose(dead, master, List.of(sibling), withUnreachable, Map.of())));
    }

    @Test
    void anUnreachableMasterIsNoFallback() {
        Server downMaster = withMaster(server("db1:3306"), null);
        downMaster.valid = false;
        OrphanParentChoice choice = chooser.choose(dead, downMaster.build(), List.of(dead), orphans, Map.of());
        assertTrue(choice.firstChoice().isEmpty());
        assertTrue(chooser.choose(dead, null, List.of(dead), orphans, Map.of()).firstChoice().isEmpty());
    }
}
