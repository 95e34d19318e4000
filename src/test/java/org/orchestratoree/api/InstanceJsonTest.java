package org.orchestratoree.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orchestratoree.topology.TestInstances.NOW;
import static org.orchestratoree.topology.TestInstances.POLL;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.TestInstances;

class InstanceJsonTest {

    private static JsonObject json(Instance i) {
        return InstanceJson.of(i, NOW, POLL, 10);
    }

    @Test
    void firstFieldsInOrchestratorsOrder() {
        JsonObject o = json(TestInstances.master("127.0.0.1:10111", "127.0.0.1:10112"));
        List<String> names = new ArrayList<>(o.keySet());
        assertEquals(List.of("Key", "InstanceAlias", "Uptime", "ServerID", "ServerUUID", "Version", "VersionComment",
                "FlavorName", "ReadOnly", "Binlog_format", "BinlogRowImage", "LogBinEnabled", "LogSlaveUpdatesEnabled",
                "LogReplicationUpdatesEnabled", "SelfBinlogCoordinates", "MasterKey"), names.subList(0, 16));
        assertEquals("ReplicationGroupPrimaryInstanceKey", names.get(names.size() - 1));
    }

    @Test
    void masterValues() {
        JsonObject o = json(TestInstances.master("127.0.0.1:10111", "127.0.0.1:10112", "127.0.0.1:10113"));
        assertEquals("{\"Hostname\":\"127.0.0.1\",\"Port\":10111}", o.getJsonObject("Key").toString());
        assertEquals("{\"Hostname\":\"\",\"Port\":0}", o.getJsonObject("MasterKey").toString());
        assertEquals(3600, o.getJsonNumber("Uptime").longValue());
        assertEquals(10211, o.getJsonNumber("ServerID").longValue());
        assertEquals("uuid-127.0.0.1:10111", o.getString("ServerUUID"));
        assertEquals("8.0.36", o.getString("Version"));
        assertEquals("MySQL", o.getString("FlavorName"));
        assertEquals(false, o.getBoolean("ReadOnly"));
        assertEquals("ROW", o.getString("Binlog_format"));
        assertEquals("{\"LogFile\":\"mysql-bin.000001\",\"LogPos\":100,\"Type\":0}",
                o.getJsonObject("SelfBinlogCoordinates").toString());
        assertEquals("[{\"Hostname\":\"127.0.0.1\",\"Port\":10112},{\"Hostname\":\"127.0.0.1\",\"Port\":10113}]",
                o.getJsonArray("Replicas").toString());
        assertEquals(o.getJsonArray("Replicas"), o.getJsonArray("SlaveHosts"));
        assertEquals("{\"Int64\":0,\"Valid\":false}", o.getJsonObject("SecondsBehindMaster").toString());
        assertEquals(-1, o.getInt("ReplicationIOThreadState"));
        assertEquals("127.0.0.1:10111", o.getString("ClusterName"));
        assertEquals(0, o.getInt("ReplicationDepth"));
        assertEquals(true, o.getBoolean("IsUpToDate"));
        assertEquals(true, o.getBoolean("IsLastCheckValid"));
        assertEquals("{\"Int64\":0,\"Valid\":true}", o.getJsonObject("SecondsSinceLastSeen").toString());
        assertEquals("[]", o.getJsonArray("Problems").toString());
    }

    @Test
    void replicaLagAsNullableInt() {
        Instance lagging = TestInstances.instance(TestInstances.snapshot("127.0.0.1:10112",
                TestInstances.replicating("127.0.0.1:10111", 42L)), "127.0.0.1:10111", 1, TestInstances.freshChecks());
        JsonObject o = json(lagging);
        assertEquals("{\"Int64\":42,\"Valid\":true}", o.getJsonObject("SecondsBehindMaster").toString());
        assertEquals(o.getJsonObject("SecondsBehindMaster"), o.getJsonObject("ReplicationLagSeconds"));
        assertEquals("{\"Hostname\":\"127.0.0.1\",\"Port\":10111}", o.getJsonObject("MasterKey").toString());
        assertEquals(1, o.getInt("ReplicationIOThreadState"));
        assertEquals(true, o.getBoolean("Slave_IO_Running"));
        assertEquals(1, o.getInt("ReplicationDepth"));
        assertEquals("[\"replication_lag\"]", o.getJsonArray("Problems").toString());
        assertEquals("{\"LogFile\":\"relay.000002\",\"LogPos\":200,\"Type\":1}",
                o.getJsonObject("RelaylogCoordinates").toString());

        Instance unknownLag = TestInstances.instance(TestInstances.snapshot("127.0.0.1:10112",
                TestInstances.replicating("127.0.0.1:10111", null)), "127.0.0.1:10111", 1, TestInstances.freshChecks());
        assertEquals("{\"Int64\":0,\"Valid\":false}", json(unknownLag).getJsonObject("SecondsBehindMaster").toString());
    }

    @Test
    void lastDiscoveryLatencyInNanoseconds() {
        JsonObject o = json(TestInstances.master("127.0.0.1:10111")); // fresh checks: 12 ms
        assertEquals(12_000_000L, o.getJsonNumber("LastDiscoveryLatency").longValue());
    }

    @Test
    void neverSeenInstance() {
        Instance never = TestInstances.instance(TestInstances.snapshot("127.0.0.1:10111", null), "127.0.0.1:10111",
                0, CheckTimes.NEVER);
        JsonObject o = json(never);
        assertEquals("{\"Int64\":0,\"Valid\":false}", o.getJsonObject("SecondsSinceLastSeen").toString());
        assertEquals("", o.getString("LastSeenTimestamp"));
        assertEquals(false, o.getBoolean("IsRecentlyChecked"));
        assertEquals("[\"last_check_invalid\"]", o.getJsonArray("Problems").toString());
    }

    @Test
    void keyAndNullIntHelpers() {
        assertEquals("{\"Hostname\":\"::1\",\"Port\":3307}", InstanceJson.key(new InstanceKey("::1", 3307)).toString());
        assertEquals("{\"Hostname\":\"\",\"Port\":0}", InstanceJson.key(null).toString());
        assertEquals("{\"Int64\":7,\"Valid\":true}", InstanceJson.nullInt(7L).toString());
    }

    @Test
    void errantGtidsAndAncestryOfAReplica() {
        Instance r = TestInstances.replica("127.0.0.1:10113", "127.0.0.1:10112", 2, "127.0.0.1:10111");
        Instance withLineage = new Instance(r.snapshot(), r.placement(), r.checks(),
                new org.orchestratoree.topology.GtidLineage(List.of("uuid-127.0.0.1:10112", "uuid-127.0.0.1:10111"),
                        List.of(10212L, 10211L), "uuid-127.0.0.1:10113:1-3"));
        JsonObject o = json(withLineage);
        assertEquals("uuid-127.0.0.1:10113:1-3", o.getString("GtidErrant"));
        assertEquals("uuid-127.0.0.1:10111,uuid-127.0.0.1:10112,uuid-127.0.0.1:10113", o.getString("AncestryUUID"),
                "orchestrator's order: the farthest ancestor first, the server itself last");
        assertEquals("", json(r).getString("GtidErrant"));
    }
}
