package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.BinlogCoordinates;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;
import org.orchestratoree.topology.TestInstances;

class BinlogStandstillTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final BinlogStandstill standstill = new BinlogStandstill();

    /** A reachable master whose binlog is at the given position of its first binary log. */
    private static Instance at(String key, long position) {
        InstanceSnapshot s = TestInstances.snapshot(key, null);
        InstanceSnapshot moved = new InstanceSnapshot(s.key(), s.serverId(), s.serverUuid(), s.version(), s.readOnly(),
                s.binlog(), new BinlogCoordinates("mysql-bin.000001", position), s.replication(), s.gtid(),
                s.semiSync(), s.replicaKeys(), s.uptimeSeconds(), s.location(), s.suggestedClusterAlias());
        return TestInstances.instance(moved, key, 0, TestInstances.freshChecks());
    }

    @Test
    void sinceStaysAtTheFirstSightingWhileTheCoordinatesDoNotMove() {
        Instance m = at("127.0.0.1:10111", 400);
        standstill.observe(List.of(m), T0);
        assertEquals(T0, standstill.observe(List.of(m), T0.plusSeconds(30)).get(m.key()));
    }

    @Test
    void movingCoordinatesRestartTheClock() {
        InstanceKey key = InstanceKey.parse("127.0.0.1:10111");
        standstill.observe(List.of(at(key.toString(), 400)), T0);
        Instance moved = at(key.toString(), 800);
        assertEquals(T0.plusSeconds(5), standstill.observe(List.of(moved), T0.plusSeconds(5)).get(key));
    }

    @Test
    void instancesThatLeftAreForgotten() {
        Instance m = at("127.0.0.1:10111", 400);
        standstill.observe(List.of(m), T0);
        standstill.observe(List.of(), T0.plusSeconds(1));
        assertEquals(T0.plusSeconds(2), standstill.observe(List.of(m), T0.plusSeconds(2)).get(m.key()));
        assertFalse(standstill.observe(List.of(), T0.plusSeconds(3)).containsKey(m.key()));
    }
}
