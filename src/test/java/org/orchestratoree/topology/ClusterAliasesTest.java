package org.orchestratoree.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orchestratoree.topology.TestInstances.NOW;
import static org.orchestratoree.topology.TestInstances.key;
import static org.orchestratoree.topology.TestInstances.replicating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterAliasesTest {

    private static final String OLD = "db1:3306";
    private static final String NEW = "db2:3306";

    /** A member of a cluster that answers {@code alias} to DetectClusterAliasQuery. */
    private static Instance member(String key, String cluster, boolean master, String alias, boolean valid,
                                   boolean readOnly) {
        InstanceSnapshot s = TestInstances.snapshot(key, master ? null : replicating(cluster, 0L));
        s = new InstanceSnapshot(s.key(), s.serverId(), s.serverUuid(), s.version(), readOnly, s.binlog(),
                s.selfCoordinates(), s.replication(), s.gtid(), s.semiSync(), s.replicaKeys(), s.uptimeSeconds(),
                s.location(), alias);
        return TestInstances.instance(s, cluster, master ? 0 : 1, new CheckTimes(NOW, NOW, NOW, valid, 1));
    }

    /** After a failover: the dead master alone in its cluster, the promoted replica heading the two others. */
    private static Map<String, List<Instance>> afterFailover(String alias) {
        Map<String, List<Instance>> clusters = new LinkedHashMap<>();
        clusters.put(OLD, List.of(member(OLD, OLD, true, alias, false, false)));
        clusters.put(NEW, List.of(member(NEW, NEW, true, alias, true, false),
                member("db3:3306", NEW, false, alias, true, true), member("db4:3306", NEW, false, alias, true, true)));
        return clusters;
    }

    @Test
    void aDetectedAliasBelongsToTheAnsweringWritableMasterNotTheDeadOne() {
        Map<String, String> aliases = ClusterAliases.resolve(afterFailover("ci"), ClusterAliases.Sources.none());
        assertEquals(Map.of(NEW, "ci", OLD, OLD), aliases);
    }

    @Test
    void aMasterLostInRecoveryLosesTheAliasEvenOnceItAnswersAgain() {
        Map<String, List<Instance>> clusters = new LinkedHashMap<>();
        clusters.put(OLD, List.of(member(OLD, OLD, true, "ci", true, false)));
        clusters.put(NEW, List.of(member(NEW, NEW, true, "ci", true, false)));
        ClusterAliases.Sources lost = new ClusterAliases.Sources(Map.of(), Map.of(), Map.of(), Set.of(key(OLD)));
        assertEquals(Map.of(NEW, "ci", OLD, OLD), ClusterAliases.resolve(clusters, lost));
    }

    @Test
    void aHandedOverAliasBeatsClusterNameToAliasOfTheOldName() {
        ClusterAliases.Sources sources = new ClusterAliases.Sources(Map.of(), Map.of(NEW, "ci"),
                Map.of(OLD, "ci"), Set.of());
        assertEquals(Map.of(NEW, "ci", OLD, OLD), ClusterAliases.resolve(afterFailover(""), sources));
    }

    @Test
    void anAliveClusterKeepsItsConfiguredAliasOverADeadOnesDetection() {
        // the dead master still claims "ci" from its last probe; the live cluster only from the configuration
        Map<String, List<Instance>> clusters = afterFailover("");
        clusters.put(OLD, List.of(member(OLD, OLD, true, "ci", false, false)));
        ClusterAliases.Sources sources = new ClusterAliases.Sources(Map.of(), Map.of(), Map.of("db2", "ci"), Set.of());
        assertEquals(Map.of(NEW, "ci", OLD, OLD), ClusterAliases.resolve(clusters, sources));
    }

    @Test
    void anOverrideOutranksDetectionAndConfiguration() {
        ClusterAliases.Sources sources = new ClusterAliases.Sources(Map.of(NEW, "manual"), Map.of(),
                Map.of(NEW, "configured"), Set.of());
        assertEquals("manual", ClusterAliases.resolve(afterFailover("ci"), sources).get(NEW));
    }

    @Test
    void betweenTwoLiveClaimsTheWritableMasterWins() {
        Map<String, List<Instance>> clusters = new LinkedHashMap<>();
        clusters.put(OLD, List.of(member(OLD, OLD, true, "ci", true, true)));
        clusters.put(NEW, List.of(member(NEW, NEW, true, "ci", true, false)));
        assertEquals(Map.of(NEW, "ci", OLD, OLD), ClusterAliases.resolve(clusters, ClusterAliases.Sources.none()));
    }

    @Test
    void aClusterWithoutAnyAliasIsKnownByItsName() {
        Map<String, List<Instance>> clusters = Map.of(OLD, List.of(member(OLD, OLD, true, "", true, false)));
        assertEquals(Map.of(OLD, OLD), ClusterAliases.resolve(clusters, ClusterAliases.Sources.none()));
    }

    @Test
    void clusterNameToAliasMatchesTheNameOrARegexInIt() {
        Map<String, List<Instance>> clusters = Map.of(OLD, List.of(member(OLD, OLD, true, "", true, false)));
        ClusterAliases.Sources sources = new ClusterAliases.Sources(Map.of(), Map.of(), Map.of("^db1:", "first"),
                Set.of());
        assertEquals(Map.of(OLD, "first"), ClusterAliases.resolve(clusters, sources));
    }
}
