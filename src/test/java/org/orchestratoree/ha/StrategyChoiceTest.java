package org.orchestratoree.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestratoree.config.Configuration;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.config.ConfigurationLoader;
import org.orchestratoree.ha.LeadershipProducer.Strategy;

class StrategyChoiceTest {

    @TempDir
    Path dir;

    private Configuration load(String json) throws IOException {
        Path file = dir.resolve("orchestrator.conf.json");
        Files.writeString(file, json);
        return ConfigurationLoader.load(Optional.of(file), Optional.empty());
    }

    @Test
    void sqliteRunsAlone() throws IOException {
        assertEquals(Strategy.SINGLE_NODE, LeadershipProducer.strategy(load("{\"BackendDB\": \"sqlite\"}")));
    }

    @Test
    void mysqlWithoutRaftSharesTheBackend() throws IOException {
        Configuration c = load("{\"BackendDB\": \"mysql\", \"RaftEnabled\": false}");
        assertEquals(Strategy.SHARED_BACKEND, LeadershipProducer.strategy(c));
        assertEquals(3, c.election().activeNodeExpireSeconds());
    }

    @Test
    void raftWinsOverTheBackend() throws IOException {
        assertEquals(Strategy.RAFT, LeadershipProducer.strategy(load("{\"BackendDB\": \"mysql\", \"RaftEnabled\": true,"
                + " \"RaftDataDir\": \"" + dir + "\", \"RaftBind\": \"127.0.0.1\", \"RaftNodes\": [\"127.0.0.1\"]}")));
    }

    @Test
    void expiryIsOrchestratorsKeyAndBounded() throws IOException {
        assertEquals(7, load("{\"BackendDB\": \"mysql\", \"ActiveNodeExpireSeconds\": 7}").election()
                .activeNodeExpireSeconds());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load("{\"BackendDB\": \"mysql\", \"ActiveNodeExpireSeconds\": 1}"));
        assertTrue(e.getMessage().contains("ActiveNodeExpireSeconds = 1"), e.getMessage());
    }
}
