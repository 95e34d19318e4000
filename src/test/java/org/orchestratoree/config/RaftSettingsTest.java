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

/** Orchestrator's raft keys read from real JSON files. */
class RaftSettingsTest {

    @TempDir
    Path dir;

    private RaftSettings load(String json) throws IOException {
        Path file = dir.resolve("orchestrator.conf.json");
        Files.writeString(file, json);
        return ConfigurationLoader.load(Optional.of(file), Optional.empty()).raft();
    }

    private String failure(String json) {
        return assertThrows(ConfigurationException.class, () -> load(json)).getMessage();
    }

    @Test
    void defaultsAreOrchestratorsAndRaftIsOff() throws IOException {
        RaftSettings r = load("{\"ListenAddress\": \":3005\"}");
        assertFalse(r.enabled());
        assertEquals(10008, r.defaultPort());
        assertEquals("127.0.0.1:10008", r.bind());
        assertEquals("127.0.0.1:10008", r.advertise());
        assertEquals(List.of(), r.nodes());
        assertEquals("http://127.0.0.1:3005", r.httpAdvertise());
    }

    @Test
    void entriesWithoutPortTakeTheDefaultRaftPort() throws IOException {
        RaftSettings r = load("""
                {"RaftEnabled": true, "RaftDataDir": "/var/lib/orc", "RaftBind": "10.0.0.2",
                 "DefaultRaftPort": 4601, "RaftNodes": ["10.0.0.1", "10.0.0.2", "10.0.0.3:4700"],
                 "HTTPAdvertise": "http://10.0.0.2:3000/"}""");
        assertTrue(r.enabled());
        assertEquals("/var/lib/orc", r.dataDir());
        assertEquals("10.0.0.2:4601", r.bind());
        assertEquals("10.0.0.2:4601", r.advertise());
        assertEquals(List.of("10.0.0.1:4601", "10.0.0.2:4601", "10.0.0.3:4700"), r.nodes());
        assertEquals("http://10.0.0.2:3000", r.httpAdvertise());
    }

    @Test
    void advertiseIsTheIdentityWhenGiven() throws IOException {
        RaftSettings r = load("""
                {"RaftEnabled": true, "RaftDataDir": "/d", "RaftBind": "0.0.0.0:10008",
                 "RaftAdvertise": "node2.local", "RaftNodes": ["node1.local", "node2.local"]}""");
        assertEquals("0.0.0.0:10008", r.bind());
        assertEquals("node2.local:10008", r.advertise());
    }

    @Test
    void aSingleEntryIsAOneNodeGroup() throws IOException {
        RaftSettings r = load("""
                {"RaftEnabled": true, "RaftDataDir": "/d", "RaftBind": "127.0.0.1:4601", "RaftNodes": ["127.0.0.1:4601"]}""");
        assertEquals(List.of("127.0.0.1:4601"), r.nodes());
    }

    @Test
    void bindNotAmongTheNodesIsRefusedNamingRaftBind() {
        String m = failure("""
                {"RaftEnabled": true, "RaftDataDir": "/d", "RaftBind": "127.0.0.1:4604",
                 "RaftNodes": ["127.0.0.1:4601", "127.0.0.1:4602"]}""");
        assertTrue(m.startsWith("RaftBind = '127.0.0.1:4604' is not one of RaftNodes"), m);
    }

    @Test
    void advertiseNotAmongTheNodesIsRefusedNamingRaftAdvertise() {
        String m = failure("""
                {"RaftEnabled": true, "RaftDataDir": "/d", "RaftAdvertise": "other",
                 "RaftNodes": ["127.0.0.1"]}""");
        assertTrue(m.startsWith("RaftAdvertise = 'other:10008' is not one of RaftNodes"), m);
    }

    @Test
    void badEntriesAreRefusedNamingRaftNodes() {
        assertEquals("RaftNodes entry 'a:b' has no valid port (1..65535)",
                failure("{\"RaftNodes\": [\"a:b\"]}"));
        assertEquals("RaftNodes entry 'a:70000' has no valid port (1..65535)",
                failure("{\"RaftNodes\": [\"a:70000\"]}"));
        assertEquals("RaftNodes entry ':4601' has no host", failure("{\"RaftNodes\": [\":4601\"]}"));
        assertEquals("RaftNodes entry 'http://a' is not of the form host or host:port",
                failure("{\"RaftNodes\": [\"http://a\"]}"));
        assertEquals("RaftNodes entry 'a:1' is listed twice", failure("{\"RaftNodes\": [\"a:1\", \"a:1\"]}"));
        assertEquals("RaftNodes entry 5 must be a string", failure("{\"RaftNodes\": [5]}"));
    }

    @Test
    void otherKeysAreCheckedToo() {
        assertEquals("RaftDataDir must be set when RaftEnabled is true",
                failure("{\"RaftEnabled\": true, \"RaftNodes\": [\"127.0.0.1\"]}"));
        assertEquals("RaftNodes must list the group's nodes when RaftEnabled is true",
                failure("{\"RaftEnabled\": true, \"RaftDataDir\": \"/d\"}"));
        assertEquals("DefaultRaftPort = 0 is out of range (1..65535)", failure("{\"DefaultRaftPort\": 0}"));
        assertEquals("RaftEnabled = 'yes' is not true or false", failure("{\"RaftEnabled\": \"yes\"}"));
        assertEquals("HTTPAdvertise = 'node1:3000' is not of the form http[s]://host:port",
                failure("{\"HTTPAdvertise\": \"node1:3000\"}"));
        assertEquals("HTTPAdvertise = 'http://node1:3000/api' is not of the form http[s]://host:port",
                failure("{\"HTTPAdvertise\": \"http://node1:3000/api\"}"));
    }
}
