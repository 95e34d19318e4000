package org.orchestratoree.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads real JSON files through smallrye-config, the MicroProfile Config implementation on the test classpath. */
class ConfigurationLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private Configuration load(String json) throws IOException {
        return ConfigurationLoader.load(Optional.of(write("orchestrator.conf.json", json)), Optional.empty());
    }

    private ConfigurationException failure(String json) {
        return assertThrows(ConfigurationException.class, () -> load(json));
    }

    @Test
    void defaultsAreOrchestrators() {
        Configuration c = ConfigurationLoader.load(Optional.empty(), Optional.empty());
        assertEquals(new ListenAddress("", 3000), c.listenAddress());
        DiscoverySettings d = c.discovery();
        assertEquals(5, d.instancePollSeconds());
        assertEquals(300, d.maxConcurrency());
        assertEquals(2, d.connectTimeoutSeconds());
        assertEquals(10, d.readTimeoutSeconds());
        assertEquals(240, d.unseenInstanceForgetHours());
        assertEquals(10, d.reasonableReplicationLagSeconds());
        assertFalse(d.discoverByShowSlaveHosts());
        assertEquals("", d.dataCenterPattern());
        assertEquals(BackendSettings.BackendType.SQLITE, c.backend().type());
        assertEquals("orchestrator-ee.sqlite3", c.backend().sqliteFile());
        assertEquals(30, c.backend().unreachableExitSeconds());
        assertEquals(Map.of(), c.clusterNameToAlias());
        assertEquals(Set.of(), c.unusedKeys());
    }

    @Test
    void emptyObjectGivesDefaultsAndNamesTheFile() throws IOException {
        Path file = write("empty.json", "{}");
        Configuration c = ConfigurationLoader.load(Optional.of(file), Optional.empty());
        assertEquals(file, c.file());
        assertEquals(5, c.discovery().instancePollSeconds());
    }

    @Test
    void valuesAreReadFromTheFile() throws IOException {
        Configuration c = load("""
                {
                  "ListenAddress": "127.0.0.1:3099",
                  "BackendDB": "mysql",
                  "MySQLOrchestratorHost": "backend.local",
                  "MySQLOrchestratorPort": 3307,
                  "MySQLOrchestratorDatabase": "orch",
                  "MySQLOrchestratorUser": "orc",
                  "MySQLOrchestratorPassword": "secret",
                  "BackendUnreachableExitSeconds": 45,
                  "MySQLTopologyUser": "topo",
                  "MySQLTopologyPassword": "topopass",
                  "InstancePollSeconds": 7,
                  "DiscoveryMaxConcurrency": 50,
                  "DiscoverByShowSlaveHosts": true,
                  "MySQLConnectTimeoutSeconds": 3,
                  "MySQLDiscoveryReadTimeoutSeconds": 11,
                  "DetectClusterAliasQuery": "select alias from meta.cluster",
                  "DataCenterPattern": "[.]([a-z]+)[0-9]*[.]",
                  "UnseenInstanceForgetHours": 48,
                  "ReasonableReplicationLagSeconds": 20
                }""");
        assertEquals(new ListenAddress("127.0.0.1", 3099), c.listenAddress());
        assertEquals(new BackendSettings(BackendSettings.BackendType.MYSQL, "orchestrator-ee.sqlite3", "backend.local",
                3307, "orch", "orc", "secret", 45), c.backend());
        assertEquals("mysql:orc@backend.local:3307/orch", c.backend().describe());
        DiscoverySettings d = c.discovery();
        assertEquals(7, d.instancePollSeconds());
        assertEquals(java.time.Duration.ofSeconds(7), d.pollInterval());
        assertEquals(50, d.maxConcurrency());
        assertTrue(d.discoverByShowSlaveHosts());
        assertEquals("topo", d.topologyUser());
        assertEquals("topopass", d.topologyPassword());
        assertEquals(3, d.connectTimeoutSeconds());
        assertEquals(11, d.readTimeoutSeconds());
        assertEquals("select alias from meta.cluster", d.detectClusterAliasQuery());
        assertEquals("[.]([a-z]+)[0-9]*[.]", d.dataCenterPattern());
        assertEquals(48, d.unseenInstanceForgetHours());
        assertEquals(20, d.reasonableReplicationLagSeconds());
    }

    @Test
    void systemPropertyOverridesTheFile() throws IOException {
        Path file = write("orchestrator.conf.json", "{\"InstancePollSeconds\": 9, \"DiscoveryMaxConcurrency\": 40}");
        System.setProperty("InstancePollSeconds", "13");
        try {
            Configuration c = ConfigurationLoader.load(Optional.of(file), Optional.empty());
            assertEquals(13, c.discovery().instancePollSeconds());
            assertEquals(40, c.discovery().maxConcurrency());
        } finally {
            System.clearProperty("InstancePollSeconds");
        }
        // a fresh Config per load: the cleared property no longer applies
        assertEquals(9, ConfigurationLoader.load(Optional.of(file), Optional.empty()).discovery().instancePollSeconds());
    }

    @Test
    void extraFileOverridesTheMainFile() throws IOException {
        Path main = write("main.json", "{\"InstancePollSeconds\": 9, \"DiscoveryMaxConcurrency\": 40}");
        Path extra = write("extra.json", "{\"InstancePollSeconds\": 3, \"SomeExtraKey\": 1}");
        Configuration c = ConfigurationLoader.load(Optional.of(main), Optional.of(extra));
        assertEquals(3, c.discovery().instancePollSeconds());
        assertEquals(40, c.discovery().maxConcurrency());
        assertEquals(main, c.file());
        assertEquals(Set.of("SomeExtraKey"), c.unusedKeys());
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        Path file = write("broken.json", "{\"InstancePollSeconds\": 5,");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigurationLoader.load(Optional.of(file), Optional.empty()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void malformedExtraFileNamesTheExtraFile() throws IOException {
        Path main = write("main.json", "{}");
        Path extra = write("extra.json", "not json");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigurationLoader.load(Optional.of(main), Optional.of(extra)));
        assertTrue(e.getMessage().contains(extra.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void nonObjectOrMissingFileIsRejected() throws IOException {
        Path array = write("array.json", "[1, 2]");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigurationLoader.load(Optional.of(array), Optional.empty()));
        assertEquals("configuration file " + array + " must hold a JSON object", e.getMessage());
        Path missing = dir.resolve("missing.json");
        e = assertThrows(ConfigurationException.class,
                () -> ConfigurationLoader.load(Optional.of(missing), Optional.empty()));
        assertEquals("configuration file " + missing + " does not exist or is not a file", e.getMessage());
    }

    @Test
    void unknownBackendIsNamed() {
        ConfigurationException e = failure("{\"BackendDB\": \"oracle\"}");
        assertTrue(e.getMessage().contains("BackendDB"), e.getMessage());
        assertTrue(e.getMessage().contains("'oracle'"), e.getMessage());
    }

    @Test
    void backendAliasesAndCase() throws IOException {
        assertEquals(BackendSettings.BackendType.SQLITE, load("{\"BackendDB\": \"sqlite3\"}").backend().type());
        assertEquals(BackendSettings.BackendType.MYSQL, load("{\"BackendDB\": \"MySQL\"}").backend().type());
        Configuration c = load("{\"SQLite3DataFile\": \"/var/lib/orc/orc.db\"}");
        assertEquals("/var/lib/orc/orc.db", c.backend().sqliteFile());
        assertEquals("sqlite:/var/lib/orc/orc.db", c.backend().describe());
    }

    @Test
    void nonNumericPollSecondsNamesKeyAndValue() {
        ConfigurationException e = failure("{\"InstancePollSeconds\": \"abc\"}");
        assertEquals("InstancePollSeconds = 'abc' is not a whole number", e.getMessage());
    }

    @Test
    void zeroPollSecondsNamesKeyAndValue() {
        ConfigurationException e = failure("{\"InstancePollSeconds\": 0}");
        assertEquals("InstancePollSeconds = 0 is out of range (1..3600)", e.getMessage());
    }

    @Test
    void fractionalNumberIsNotAWholeNumber() {
        ConfigurationException e = failure("{\"DiscoveryMaxConcurrency\": 2.5}");
        assertEquals("DiscoveryMaxConcurrency = '2.5' is not a whole number", e.getMessage());
    }

    @Test
    void badBooleanNamesKeyAndValue() {
        ConfigurationException e = failure("{\"DiscoverByShowSlaveHosts\": \"maybe\"}");
        assertEquals("DiscoverByShowSlaveHosts = 'maybe' is not true or false", e.getMessage());
    }

    @Test
    void badRegexInDataCenterPattern() {
        ConfigurationException e = failure("{\"DataCenterPattern\": \"([a-z\"}");
        assertTrue(e.getMessage().startsWith("DataCenterPattern = '([a-z' is not a valid regular expression"),
                e.getMessage());
        ConfigurationException region = failure("{\"RegionPattern\": \"*x\"}");
        assertTrue(region.getMessage().startsWith("RegionPattern = '*x'"), region.getMessage());
    }

    @Test
    void clusterNameToAliasObjectIsParsed() throws IOException {
        Configuration c = load("{\"ClusterNameToAlias\": {\"127.0.0.1:10111\": \"prod\", \"db5:3306\": \"staging\"}}");
        assertEquals(Map.of("127.0.0.1:10111", "prod", "db5:3306", "staging"), c.clusterNameToAlias());
    }

    @Test
    void clusterNameToAliasWithNonStringValueIsRejected() {
        ConfigurationException e = failure("{\"ClusterNameToAlias\": {\"db1:3306\": 5}}");
        assertTrue(e.getMessage().contains("ClusterNameToAlias"), e.getMessage());
        ConfigurationException notObject = failure("{\"ClusterNameToAlias\": [\"a\"]}");
        assertTrue(notObject.getMessage().startsWith("ClusterNameToAlias = '[\"a\"]'"), notObject.getMessage());
    }

    @Test
    void unknownKeysAreReportedAsUnusedKnownUsedOnesAreNot() throws IOException {
        Configuration c = load("""
                {
                  "InstancePollSeconds": 5,
                  "ListenAddress": ":3000",
                  "ClusterNameToAlias": {},
                  "AuthenticationMethod": "basic",
                  "RecoverMasterClusterFilters": ["*"],
                  "NotAnOrchestratorKey": "x",
                  "SkipMe": null
                }""");
        assertEquals(Set.of("AuthenticationMethod", "NotAnOrchestratorKey"), c.unusedKeys());
    }

    @Test
    void recoverySettingsHaveOrchestratorsDefaults() throws IOException {
        RecoverySettings r = load("{}").recovery();
        assertEquals(RecoverySettings.defaults(), r);
    }

    @Test
    void recoverySettingsAreRead() throws IOException {
        RecoverySettings r = load("""
                {
                  "CandidateInstanceExpireMinutes": 5,
                  "RecoveryPeriodBlockSeconds": 60,
                  "FailureDetectionPeriodBlockMinutes": 2,
                  "RecoverMasterClusterFilters": ["*"],
                  "RecoverIntermediateMasterClusterFilters": ["alias=main", "db-.*"],
                  "RecoveryPollSeconds": 3
                }""").recovery();
        assertEquals(new RecoverySettings(5, 60, 2, java.util.List.of("*"), java.util.List.of("alias=main", "db-.*"), 3, false),
                r);
    }

    @Test
    void clusterFiltersMustBeStrings() {
        ConfigurationException e = failure("{\"RecoverMasterClusterFilters\": [1]}");
        assertTrue(e.getMessage().contains("RecoverMasterClusterFilters"), e.getMessage());
    }

    @Test
    void nullValueMeansDefault() throws IOException {
        assertEquals(5, load("{\"InstancePollSeconds\": null}").discovery().instancePollSeconds());
    }

    @Test
    void listenAddressInFileIsParsed() throws IOException {
        assertEquals(new ListenAddress("0.0.0.0", 8080), load("{\"ListenAddress\": \"0.0.0.0:8080\"}").listenAddress());
        ConfigurationException e = failure("{\"ListenAddress\": \"3000\"}");
        assertEquals("ListenAddress = '3000' is not of the form [host]:port", e.getMessage());
    }

    @Test
    void passwordWithoutExpressionIsKeptVerbatim() throws IOException {
        assertEquals("a$b\\,c", load("{\"MySQLTopologyPassword\": \"a$b\\\\,c\"}").discovery().topologyPassword());
    }

    @Test
    void passwordWithDollarBraceIsKeptVerbatim() throws IOException {
        assertEquals("a${b}c", load("{\"MySQLTopologyPassword\": \"a${b}c\"}").discovery().topologyPassword());
    }

    @Test
    void discoverySeedsAreReadInOrder() throws IOException {
        DiscoverySettings d = load("{\"DiscoverySeeds\": [\"db1.example.com:3306\", \" 127.0.0.1:10111 \", "
                + "\"[::1]:3307\"]}").discovery();
        assertEquals(java.util.List.of("db1.example.com:3306", "127.0.0.1:10111", "[::1]:3307"), d.seeds());
        assertEquals(java.util.List.of(), load("{}").discovery().seeds());
    }

    @Test
    void aMalformedSeedNamesTheKeyAndTheValue() {
        assertEquals("DiscoverySeeds = 'db1' is not host:port",
                failure("{\"DiscoverySeeds\": [\"127.0.0.1:10111\", \"db1\"]}").getMessage());
        assertEquals("DiscoverySeeds = 'db1:port' is not host:port",
                failure("{\"DiscoverySeeds\": [\"db1:port\"]}").getMessage());
        assertEquals("DiscoverySeeds = 'db1:70000' has port 70000 out of range (1..65535)",
                failure("{\"DiscoverySeeds\": [\"db1:70000\"]}").getMessage());
        assertEquals("DiscoverySeeds entry 3306 must be a string",
                failure("{\"DiscoverySeeds\": [3306]}").getMessage());
    }

    @Test
    void discoverySeedsAndDomainQueryAreUsedKeys() throws IOException {
        Configuration c = load("{\"DiscoverySeeds\": [\"db1:3306\"], \"DetectClusterDomainQuery\": "
                + "\"SELECT 'example.com'\"}");
        assertEquals(Set.of(), c.unusedKeys());
        assertEquals("SELECT 'example.com'", c.discovery().detectClusterDomainQuery());
        assertEquals("", load("{}").discovery().detectClusterDomainQuery());
    }
}
