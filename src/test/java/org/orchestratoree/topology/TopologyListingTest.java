package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orchestratoree.topology.TestInstances.NOW;
import static org.orchestratoree.topology.TestInstances.POLL;
import static org.orchestratoree.topology.TestInstances.freshChecks;
import static org.orchestratoree.topology.TestInstances.instance;
import static org.orchestratoree.topology.TestInstances.master;
import static org.orchestratoree.topology.TestInstances.replica;
import static org.orchestratoree.topology.TestInstances.replicating;
import static org.orchestratoree.topology.TestInstances.replication;
import static org.orchestratoree.topology.TestInstances.snapshot;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyListingTest {

    private static final String M = "127.0.0.1:10111";
    private final TopologyListing listing = new TopologyListing(NOW, POLL, 10);

    private static List<Instance> masterWithThreeReplicas() {
        // deliberately unsorted: the listing orders by key
        return List.of(replica("127.0.0.1:10114", M, 1, M), master(M, "127.0.0.1:10112", "127.0.0.1:10113",
                "127.0.0.1:10114"), replica("127.0.0.1:10112", M, 1, M), replica("127.0.0.1:10113", M, 1, M));
    }

    @Test
    void plainMasterWithThreeReplicas() {
        assertEquals(String.join("\n",
                "127.0.0.1:10111   [0s,ok,8.0.36,rw,ROW,>>]",
                "+ 127.0.0.1:10112 [0s,ok,8.0.36,ro,ROW]",
                "+ 127.0.0.1:10113 [0s,ok,8.0.36,ro,ROW]",
                "+ 127.0.0.1:10114 [0s,ok,8.0.36,ro,ROW]"), listing.plain(masterWithThreeReplicas()));
    }

    @Test
    void tabulatedMasterWithThreeReplicas() {
        assertEquals(String.join("\n",
                "127.0.0.1:10111  |0s|ok|8.0.36|rw|ROW|>>",
                "+ 127.0.0.1:10112|0s|ok|8.0.36|ro|ROW|  ",
                "+ 127.0.0.1:10113|0s|ok|8.0.36|ro|ROW|  ",
                "+ 127.0.0.1:10114|0s|ok|8.0.36|ro|ROW|  "), listing.tabulated(masterWithThreeReplicas()));
    }

    @Test
    void stoppedReplicaIsMinusAndNonReplicating() {
        Instance stopped = instance(snapshot("127.0.0.1:10113", replication(M, ReplicationThreadState.STOPPED,
                ReplicationThreadState.RUNNING, null, 0)), M, 1, freshChecks());
        List<Instance> cluster = List.of(master(M, "127.0.0.1:10112", "127.0.0.1:10113"),
                replica("127.0.0.1:10112", M, 1, M), stopped);
        assertEquals(String.join("\n",
                "127.0.0.1:10111   [0s,ok,8.0.36,rw,ROW,>>]",
                "+ 127.0.0.1:10112 [0s,ok,8.0.36,ro,ROW]",
                "- 127.0.0.1:10113 [null,nonreplicating,8.0.36,ro,ROW]"), listing.plain(cluster));
    }

    @Test
    void invalidLastCheckIsUnknownAndInvalid() {
        CheckTimes invalid = new CheckTimes(NOW, NOW.minusSeconds(30), NOW, false, 0);
        Instance unreachable = instance(snapshot("127.0.0.1:10112", replicating(M, 0L)), M, 1, invalid);
        assertEquals(String.join("\n",
                "127.0.0.1:10111   [0s,ok,8.0.36,rw,ROW,>>]",
                "- 127.0.0.1:10112 [unknown,invalid,8.0.36,ro,ROW]"),
                listing.plain(List.of(master(M, "127.0.0.1:10112"), unreachable)));
        Instance invalidMaster = instance(snapshot(M, null), M, 0, invalid);
        assertEquals("127.0.0.1:10111 [unknown,invalid,8.0.36,rw,ROW,>>]", listing.plain(List.of(invalidMaster)));
    }

    @Test
    void notRecentlyCheckedIsUnknownAndUnchecked() {
        CheckTimes old = new CheckTimes(NOW.minusSeconds(60), NOW.minusSeconds(60), NOW.minusSeconds(60), true, 0);
        Instance stale = instance(snapshot("127.0.0.1:10112", replicating(M, 0L)), M, 1, old);
        assertEquals(String.join("\n",
                "127.0.0.1:10111   [0s,ok,8.0.36,rw,ROW,>>]",
                "- 127.0.0.1:10112 [unknown,unchecked,8.0.36,ro,ROW]"),
                listing.plain(List.of(master(M, "127.0.0.1:10112"), stale)));
    }

    @Test
    void depthTwoChainIndentsTwoSpacesAndAlignsBrackets() {
        List<Instance> chain = List.of(replica("127.0.0.1:10113", "127.0.0.1:10112", 2, M),
                replica("127.0.0.1:10112", M, 1, M), master(M, "127.0.0.1:10112"));
        assertEquals(String.join("\n",
                "127.0.0.1:10111     [0s,ok,8.0.36,rw,ROW,>>]",
                "+ 127.0.0.1:10112   [0s,ok,8.0.36,ro,ROW]",
                "  + 127.0.0.1:10113 [0s,ok,8.0.36,ro,ROW]"), listing.plain(chain));
        assertEquals(String.join("\n",
                "127.0.0.1:10111    |0s|ok|8.0.36|rw|ROW|>>",
                "+ 127.0.0.1:10112  |0s|ok|8.0.36|ro|ROW|  ",
                "  + 127.0.0.1:10113|0s|ok|8.0.36|ro|ROW|  "), listing.tabulated(chain));
    }

    @Test
    void lagColumnIsRightAlignedInTabulatedForm() {
        Instance lagging = instance(snapshot("127.0.0.1:10112", replicating(M, 120L)), M, 1, freshChecks());
        List<Instance> cluster = List.of(master(M, "127.0.0.1:10112", "127.0.0.1:10113"), lagging,
                replica("127.0.0.1:10113", M, 1, M));
        assertEquals(String.join("\n",
                "127.0.0.1:10111  |  0s|ok |8.0.36|rw|ROW|>>",
                "+ 127.0.0.1:10112|120s|lag|8.0.36|ro|ROW|  ",
                "+ 127.0.0.1:10113|  0s|ok |8.0.36|ro|ROW|  "), listing.tabulated(cluster));
        assertEquals(String.join("\n",
                "127.0.0.1:10111   [0s,ok,8.0.36,rw,ROW,>>]",
                "+ 127.0.0.1:10112 [120s,lag,8.0.36,ro,ROW]",
                "+ 127.0.0.1:10113 [0s,ok,8.0.36,ro,ROW]"), listing.plain(cluster));
    }

    @Test
    void featuresGtidAndSemiSync() {
        InstanceSnapshot s = snapshot(M, null);
        InstanceSnapshot withFeatures = new InstanceSnapshot(s.key(), s.serverId(), s.serverUuid(),
                ServerVersion.of("10.11.6-MariaDB-log", ""), false, new BinlogSettings(true, true, "MIXED", "FULL"),
                s.selfCoordinates(), null, new GtidState("OFF", "", "", false, false, true, "0-1-5", "", "0-1-5"),
                new SemiSyncState(true, false, true, false, 1, 1, 10000), List.of(), 1, Location.UNKNOWN, "");
        assertEquals("127.0.0.1:10111 [0s,ok,10.11.6-MariaDB-log,rw,MIXED,>>,GTID,semi:master]",
                listing.plain(List.of(instance(withFeatures, M, 0, freshChecks()))));
        InstanceSnapshot noBinlog = new InstanceSnapshot(s.key(), s.serverId(), s.serverUuid(), s.version(), false,
                BinlogSettings.NONE, s.selfCoordinates(), null, GtidState.NONE, SemiSyncState.NONE, List.of(), 1,
                Location.UNKNOWN, "");
        assertEquals("127.0.0.1:10111 [0s,ok,8.0.36,rw,nobinlog]",
                listing.plain(List.of(instance(noBinlog, M, 0, freshChecks()))));
    }

    @Test
    void coMasterHeadIsDrawnAsRootWithItsPartnerBelow() {
        String other = "127.0.0.1:10112";
        Instance head = new Instance(snapshot(M, replicating(other, 0L)), new ClusterPlacement(M, 0, true),
                freshChecks());
        Instance partner = new Instance(snapshot(other, replicating(M, 0L)), new ClusterPlacement(M, 1, true),
                freshChecks());
        assertEquals(String.join("\n",
                "127.0.0.1:10111   [0s,ok,8.0.36,ro,ROW]",
                "+ 127.0.0.1:10112 [0s,ok,8.0.36,ro,ROW]"), listing.plain(List.of(partner, head)));
    }

    @Test
    void emptyClusterRendersNothing() {
        assertEquals("", listing.plain(List.of()));
        assertEquals("", listing.tabulated(List.of()));
    }
}
