package org.orchestratoree.config;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.microprofile.config.Config;

/**
 * Turns MicroProfile Config values into a validated {@link Configuration}. Key names and defaults are
 * orchestrator's, except {@code BackendDB} which defaults to the embedded SQLite backend.
 */
public final class ConfigurationReader {

    /** Keys this node reads; the rest of a file's keys are reported once as unused. */
    static final Set<String> USED_KEYS = Set.of(
            "ListenAddress", "BackendDB", "SQLite3DataFile", "MySQLOrchestratorHost", "MySQLOrchestratorPort",
            "MySQLOrchestratorDatabase", "MySQLOrchestratorUser", "MySQLOrchestratorPassword",
            "BackendUnreachableExitSeconds", "MySQLTopologyUser", "MySQLTopologyPassword", "InstancePollSeconds",
            "DiscoveryMaxConcurrency", "DiscoverByShowSlaveHosts", "DetectClusterAliasQuery",
            "DetectDataCenterQuery", "DataCenterPattern", "DetectRegionQuery", "RegionPattern",
            "DetectPhysicalEnvironmentQuery", "MySQLConnectTimeoutSeconds", "MySQLDiscoveryReadTimeoutSeconds",
            "UnseenInstanceForgetHours", "ReasonableReplicationLagSeconds", "ClusterNameToAlias",
            "CandidateInstanceExpireMinutes", "RecoveryPeriodBlockSeconds", "FailureDetectionPeriodBlockMinutes",
            "RecoverMasterClusterFilters", "RecoverIntermediateMasterClusterFilters", "RecoveryPollSeconds",
            "PreventCrossDataCenterMasterFailover", "PreventCrossRegionMasterFailover",
            "FailMasterPromotionIfSQLThreadNotUpToDate", "FailMasterPromotionOnLagMinutes",
            "ApplyMySQLPromotionAfterMasterFailover", "ProcessesShellCommand", "OnFailureDetectionProcesses",
            "PreFailoverProcesses", "PostFailoverProcesses", "PostMasterFailoverProcesses",
            "PostIntermediateMasterFailoverProcesses", "PostUnsuccessfulFailoverProcesses",
            "PreGracefulTakeoverProcesses", "PostGracefulTakeoverProcesses", "MySQLReplicaUser", "MySQLReplicaPassword",
            "KVClusterMasterPrefix", "ZkAddress", "ConsulAddress", "ConsulScheme", "ConsulAclToken",
            "ConsulKVStoreProvider", "ConsulMaxKVsPerTransaction", "ConsulCrossDataCenterDistribution",
            "KVPeriodicCheckSeconds", "DetectClusterDomainQuery", "DiscoverySeeds", "ReplicationCredentialsQuery",
            "RecoverNonWriteableMaster", "ReasonableLockedSemiSyncMasterSeconds",
            "EnforceExactSemiSyncReplicas", "RecoverLockedSemiSyncMaster", "CoMasterRecoveryMustPromoteOtherCoMaster",
            "RaftEnabled", "RaftDataDir", "RaftBind", "RaftAdvertise", "DefaultRaftPort",
            "RaftNodes", "HTTPAdvertise", "ActiveNodeExpireSeconds");

    private final Config config;

    public ConfigurationReader(Config config) {
        this.config = config;
    }

    public Configuration read(Path file, Set<String> fileKeys) {
        Set<String> unused = new LinkedHashSet<>(fileKeys);
        unused.removeAll(USED_KEYS);
        ListenAddress listen = ListenAddress.parse(string("ListenAddress", ":3000"));
        return new Configuration(file,
                listen,
                backend(),
                discovery(),
                recovery(),
                failover(),
                kv(),
                raft(listen),
                // one second is the renewal period itself: any late renewal would hand the lead over
                new ElectionSettings(integer("ActiveNodeExpireSeconds", ElectionSettings.DEFAULT_EXPIRE_SECONDS, 2,
                        3600)),
                stringMap("ClusterNameToAlias"),
                unused,
                semiSync());
    }

    private BackendSettings backend() {
        String db = string("BackendDB", "sqlite");
        BackendSettings.BackendType type = switch (db.toLowerCase(Locale.ROOT)) {
            case "sqlite", "sqlite3" -> BackendSettings.BackendType.SQLITE;
            case "mysql" -> BackendSettings.BackendType.MYSQL;
            default -> throw new ConfigurationException(
                    "BackendDB = '" + db + "' is not supported (expected 'sqlite' or 'mysql')");
        };
        String sqliteFile = string("SQLite3DataFile", "orchestrator-ee.sqlite3");
        if (type == BackendSettings.BackendType.SQLITE && sqliteFile.isBlank()) {
            throw new ConfigurationException("SQLite3DataFile must be set when BackendDB is 'sqlite'");
        }
        return new BackendSettings(type, sqliteFile,
                string("MySQLOrchestratorHost", "127.0.0.1"),
                integer("MySQLOrchestratorPort", 3306, 1, 65535),
                string("MySQLOrchestratorDatabase", "orchestrator"),
                string("MySQLOrchestratorUser", ""),
                string("MySQLOrchestratorPassword", ""),
                integer("BackendUnreachableExitSeconds", 30, 1, 86400));
    }

    private DiscoverySettings discovery() {
        return new DiscoverySettings(
                integer("InstancePollSeconds", 5, 1, 3600),
                integer("DiscoveryMaxConcurrency", 300, 1, 10000),
                bool("DiscoverByShowSlaveHosts", false),
                string("MySQLTopologyUser", ""),
                string("MySQLTopologyPassword", ""),
                integer("MySQLConnectTimeoutSeconds", 2, 1, 600),
                integer("MySQLDiscoveryReadTimeoutSeconds", 10, 1, 600),
                string("DetectClusterAliasQuery", ""),
                string("DetectDataCenterQuery", ""),
                regex("DataCenterPattern"),
                string("DetectRegionQuery", ""),
                regex("RegionPattern"),
                string("DetectPhysicalEnvironmentQuery", ""),
                integer("UnseenInstanceForgetHours", 240, 1, 1_000_000),
                integer("ReasonableReplicationLagSeconds", 10, 0, 1_000_000),
                string("DetectClusterDomainQuery", ""),
                DiscoverySeeds.parse("DiscoverySeeds", stringList("DiscoverySeeds")));
    }

    private FailoverConfiguration failover() {
        return new FailoverConfiguration(
                bool("PreventCrossDataCenterMasterFailover", false),
                bool("PreventCrossRegionMasterFailover", false),
                bool("FailMasterPromotionIfSQLThreadNotUpToDate", false),
                integer("FailMasterPromotionOnLagMinutes", 0, 0, 1_000_000),
                bool("ApplyMySQLPromotionAfterMasterFailover", true),
                string("ProcessesShellCommand", "bash"),
                stringList("OnFailureDetectionProcesses"),
                stringList("PreFailoverProcesses"),
                stringList("PostFailoverProcesses"),
                stringList("PostMasterFailoverProcesses"),
                stringList("PostIntermediateMasterFailoverProcesses"),
                stringList("PostUnsuccessfulFailoverProcesses"),
                stringList("PreGracefulTakeoverProcesses"),
                stringList("PostGracefulTakeoverProcesses"),
                string("MySQLReplicaUser", ""),
                string("MySQLReplicaPassword", ""),
                string("ReplicationCredentialsQuery", ""),

                bool("CoMasterRecoveryMustPromoteOtherCoMaster", true));
    }

    private RecoverySettings recovery() {
        return new RecoverySettings(
                integer("CandidateInstanceExpireMinutes", 60, 1, 1_000_000),
                integer("RecoveryPeriodBlockSeconds", 3600, 0, 100_000_000),
                integer("FailureDetectionPeriodBlockMinutes", 60, 0, 1_000_000),
                stringList("RecoverMasterClusterFilters"),
                stringList("RecoverIntermediateMasterClusterFilters"),
                integer("RecoveryPollSeconds", 1, 1, 3600),
                bool("RecoverNonWriteableMaster", false));
    }

    private SemiSyncSettings semiSync() {
        return new SemiSyncSettings(
                integer("ReasonableLockedSemiSyncMasterSeconds", 0, 0, 1_000_000),
                bool("EnforceExactSemiSyncReplicas", false),
                bool("RecoverLockedSemiSyncMaster", false));
    }

    private KvSettings kv() {
        String provider = string("ConsulKVStoreProvider", "consul").strip();
        if (!KvSettings.CONSUL_PROVIDERS.contains(provider)) {
            throw new ConfigurationException("ConsulKVStoreProvider = '" + provider
                    + "' is not supported (expected 'consul' or 'consul-txn')");
        }
        String scheme = string("ConsulScheme", "http").strip();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigurationException("ConsulScheme = '" + scheme + "' is not supported (expected 'http' or 'https')");
        }
        return new KvSettings(
                string("KVClusterMasterPrefix", KvSettings.DEFAULT_PREFIX).strip(),
                string("ZkAddress", "").strip(),
                string("ConsulAddress", "").strip(),
                scheme,
                string("ConsulAclToken", ""),
                provider,
                // the Consul transaction API takes at most 64 operations; fewer than 5 would split a cluster's keys
                integer("ConsulMaxKVsPerTransaction", 5, 5, 64),
                bool("ConsulCrossDataCenterDistribution", false),
                integer("KVPeriodicCheckSeconds", 60, 1, 86400));
    }

    private RaftSettings raft(ListenAddress listen) {
        String defaultHttp = "http://" + (listen.host().isEmpty() ? "127.0.0.1" : listen.host()) + ":" + listen.port();
        return RaftSettings.of(bool("RaftEnabled", false), string("RaftDataDir", ""),
                string("RaftBind", "127.0.0.1"), raw("RaftAdvertise"),
                integer("DefaultRaftPort", RaftSettings.DEFAULT_RAFT_PORT, 1, 65535), stringList("RaftNodes"),
                string("HTTPAdvertise", defaultHttp));
    }

    /**
     * The value as written: property expressions are not expanded, because orchestrator's files hold
     * passwords and queries in which {@code ${...}} is literal text.
     */
    private Optional<String> raw(String key) {
        String value = config.getConfigValue(key).getRawValue();
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    String string(String key, String defaultValue) {
        return raw(key).orElse(defaultValue);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> value = raw(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + " = '" + value.get() + "' is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigurationException(key + " = " + parsed + " is out of range (" + min + ".." + max + ")");
        }
        return parsed;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> value = raw(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(key + " = '" + value.get() + "' is not true or false");
        };
    }

    private String regex(String key) {
        String value = string(key, "");
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException(key + " = '" + value + "' is not a valid regular expression: "
                    + e.getDescription());
        }
        return value;
    }

    private Map<String, String> stringMap(String key) {
        Optional<String> value = raw(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return Map.of();
        }
        try {
            JsonObject object = Json.createReader(new StringReader(value.get())).readObject();
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                if (!(e.getValue() instanceof JsonString s)) {
                    throw new ConfigurationException(key + " entry '" + e.getKey() + "' must be a string");
                }
                map.put(e.getKey(), s.getString());
            }
            return map;
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new ConfigurationException(key + " = '" + value.get() + "' is not a JSON object of strings");
        }
    }

    /** A JSON array of strings; a bare string is taken as a one-element list, as orchestrator's files have both. */
    private List<String> stringList(String key) {
        Optional<String> value = raw(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return List.of();
        }
        String text = value.get().trim();
        if (!text.startsWith("[")) {
            return List.of(text);
        }
        try {
            JsonArray array = Json.createReader(new StringReader(text)).readArray();
            List<String> list = new ArrayList<>();
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s)) {
                    throw new ConfigurationException(key + " entry " + v + " must be a string");
                }
                list.add(s.getString());
            }
            return list;
        } catch (jakarta.json.JsonException e) {
            throw new ConfigurationException(key + " = '" + text + "' is not a JSON array of strings");
        }
    }
}
