package org.orchestratoree.kv.consul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.kv.KvPair;

class ConsulSettingsTest {

    @Test
    void addressSchemeAndDefaults() {
        ConsulSettings settings = new ConsulSettings("consul.local:8501", null, null, null, 0, false);
        assertEquals("consul.local", settings.host());
        assertEquals(8501, settings.port());
        assertEquals("http://consul.local:8501", settings.baseUrl());
        assertEquals(ConsulSettings.PROVIDER_PLAIN, settings.provider());
        assertFalse(settings.transactional());
        assertEquals("", settings.aclToken());
        assertEquals(8500, ConsulSettings.plain("consul.local").port());
        assertEquals("::1", ConsulSettings.plain("[::1]:8500").host());
    }

    @Test
    void kvsPerTransactionAreKeptBetweenOneClusterAndConsulsLimit() {
        assertEquals(5, ConsulSettings.transactional("c:8500", 0).maxKVsPerTransaction());
        assertEquals(5, ConsulSettings.transactional("c:8500", 3).maxKVsPerTransaction());
        assertEquals(20, ConsulSettings.transactional("c:8500", 20).maxKVsPerTransaction());
        assertEquals(64, ConsulSettings.transactional("c:8500", 500).maxKVsPerTransaction());
        assertTrue(ConsulSettings.transactional("c:8500", 5).transactional());
    }

    @Test
    void unknownProviderOrSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConsulSettings("c:1", "http", "", "etcd", 5, false));
        assertThrows(IllegalArgumentException.class, () -> new ConsulSettings("c:1", "ftp", "", "consul", 5, false));
        assertThrows(IllegalArgumentException.class, () -> ConsulSettings.plain("c:port"));
    }

    @Test
    void groupsFollowTheMasterKeyAndAreNotSplitWhenTheyFit() {
        List<KvPair> pairs = List.of(new KvPair("m/a", "1"), new KvPair("m/b", "2"), new KvPair("m/a/port", "3"),
                new KvPair("m/b/port", "4"), new KvPair("m/a/hostname", "5"));
        List<List<KvPair>> groups = ClusterKeyGroups.byCluster(pairs);
        assertEquals(List.of(List.of(pairs.get(0), pairs.get(2), pairs.get(4)), List.of(pairs.get(1), pairs.get(3))),
                groups);
        assertEquals(List.of(3, 2), ClusterKeyGroups.pack(groups, 4).stream().map(List::size).toList());
        assertEquals(List.of(5), ClusterKeyGroups.pack(groups, 5).stream().map(List::size).toList());
        assertEquals(List.of(2, 1, 2), ClusterKeyGroups.pack(groups, 2).stream().map(List::size).toList(),
                "only a group larger than a transaction is split");
    }
}
