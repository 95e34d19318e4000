package org.orchestratoree.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvSettingsTest {

    @TempDir
    Path dir;

    private KvSettings load(String json) throws IOException {
        Path file = dir.resolve("orchestrator.conf.json");
        Files.writeString(file, json);
        return ConfigurationLoader.load(Optional.of(file), Optional.empty()).kv();
    }

    @Test
    void defaultsAreOrchestrators() throws IOException {
        KvSettings kv = load("{}");
        assertEquals(KvSettings.defaults(), kv);
        assertEquals("mysql/master", kv.clusterMasterPrefix());
        assertFalse(kv.zooKeeperEnabled());
        assertFalse(kv.consulEnabled());
        assertEquals(5, kv.consulMaxKvsPerTransaction());
        assertEquals(60, kv.periodicCheckSeconds());
    }

    @Test
    void valuesAreReadAndKeysCountAsUsed() throws IOException {
        Path file = dir.resolve("orchestrator.conf.json");
        Files.writeString(file, """
                {"KVClusterMasterPrefix": "db/writer", "ZkAddress": "zk1:2181, zk2:2181,",
                 "ConsulAddress": "127.0.0.1:8500", "ConsulScheme": "https", "ConsulAclToken": "t0ken",
                 "ConsulKVStoreProvider": "consul-txn", "ConsulMaxKVsPerTransaction": 64,
                 "ConsulCrossDataCenterDistribution": true, "KVPeriodicCheckSeconds": 2}
                """);
        Configuration c = ConfigurationLoader.load(Optional.of(file), Optional.empty());
        KvSettings kv = c.kv();
        assertEquals(new KvSettings("db/writer", "zk1:2181, zk2:2181,", "127.0.0.1:8500", "https", "t0ken",
                "consul-txn", 64, true, 2), kv);
        assertEquals(List.of("zk1:2181", "zk2:2181"), kv.zkServers());
        assertTrue(kv.zooKeeperEnabled() && kv.consulEnabled());
        assertTrue(c.unusedKeys().isEmpty(), c.unusedKeys().toString());
    }

    @Test
    void anUnknownConsulProviderIsRefusedByName() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load("{\"ConsulKVStoreProvider\": \"etcd\"}"));
        assertTrue(e.getMessage().contains("ConsulKVStoreProvider") && e.getMessage().contains("etcd"),
                e.getMessage());
    }

    @Test
    void transactionSizeMustFitConsulsLimits() {
        for (String bad : List.of("4", "65", "many")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> load("{\"ConsulMaxKVsPerTransaction\": \"" + bad + "\"}"));
            assertTrue(e.getMessage().contains("ConsulMaxKVsPerTransaction") && e.getMessage().contains(bad),
                    e.getMessage());
        }
    }
}
