package org.orchestratoree.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestratoree.config.BackendSettings;
import org.orchestratoree.ha.Serialized;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.TopologyRecovery;

/** A leader's recorded rows carried to a follower's backend, both real SQLite files. */
class RecordedTablesTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");
    private static final InstanceKey MASTER = new InstanceKey("127.0.0.1", 10111);
    private static final InstanceKey REPLICA = new InstanceKey("127.0.0.1", 10112);

    @TempDir
    Path dir;
    private Backend leader;
    private Backend follower;

    private Backend open(String name) {
        Backend b = Backend.open(new BackendSettings(BackendSettings.BackendType.SQLITE,
                dir.resolve(name).toString(), "", 0, "", "", "", 5));
        new SchemaMigrations(b).migrate();
        return b;
    }

    @BeforeEach
    void open() {
        leader = open("leader.sqlite3");
        follower = open("follower.sqlite3");
    }

    @AfterEach
    void close() {
        leader.close();
        follower.close();
    }

    /** What a recovery records on the leader, outside any command. */
    private void recordRecovery(Backend b) {
        RecoveryRepository recoveries = new RecoveryRepository(b);
        recoveries.register(TopologyRecovery.starting("uid-1", MASTER, "127.0.0.1:10111", "c1", "DeadMaster",
                "master is dead", List.of(REPLICA), T, "node1"));
        recoveries.addStep("uid-1", "will recover", T);
        recoveries.addStep("uid-1", "promoted", T.plusSeconds(1));
        recoveries.resolve("uid-1", new RecoveryOutcome(true, REPLICA, "c1", List.of(), List.of(), List.of()),
                T.plusSeconds(2));
        new DowntimeRepository(b).begin(Downtime.of(MASTER, "orchestrator", "lost-in-recovery", T, Duration.ofDays(1)));
        new KvRepository(b).put(Map.of("mysql/master/c1", "127.0.0.1:10112"));
        new AuditRepository(b).append("recover-dead-master", MASTER, "127.0.0.1:10111", "Recovery uid-1 started");
    }

    @Test
    void aLeadersChangesReachTheFollowerAsTheLeaderHoldsThem() {
        RecordedTables onLeader = new RecordedTables(leader);
        RecordedTables.Image before = onLeader.image();
        recordRecovery(leader);
        List<RecordedTables.Change> changes = onLeader.changes(before, onLeader.image());
        @SuppressWarnings("unchecked")
        List<RecordedTables.Change> shipped = (List<RecordedTables.Change>) Serialized.value(
                Serialized.bytes(new java.util.ArrayList<>(changes)), 0, Serialized.bytes(new java.util.ArrayList<>(changes)).length);
        new RecordedTables(follower).apply(shipped);

        RecoveryRepository there = new RecoveryRepository(follower);
        TopologyRecovery r = there.byUid("uid-1").orElseThrow();
        assertEquals(REPLICA, r.successor());
        assertEquals(2, there.steps("uid-1").size());
        assertTrue(new DowntimeRepository(follower).find(MASTER, T.plusSeconds(5)).isPresent());
        assertEquals(Map.of("mysql/master/c1", "127.0.0.1:10112"), new KvRepository(follower).all());
        assertEquals(1, new AuditRepository(follower).page(0, 10, null).size());
    }

    @Test
    void applyingTheSameChangesTwiceChangesNothingMore() {
        RecordedTables onLeader = new RecordedTables(leader);
        RecordedTables.Image before = onLeader.image();
        recordRecovery(leader);
        List<RecordedTables.Change> changes = onLeader.changes(before, onLeader.image());
        new RecordedTables(follower).apply(changes);
        new RecordedTables(follower).apply(changes);
        assertEquals(2, new RecoveryRepository(follower).steps("uid-1").size());
        assertEquals(1, new AuditRepository(follower).page(0, 10, null).size());
    }

    @Test
    void anAuditLineTheFollowerWroteItselfIsNotDuplicated() {
        RecordedTables onLeader = new RecordedTables(leader);
        RecordedTables.Image before = onLeader.image();
        new AuditRepository(leader).append("begin-downtime", MASTER, "", "Downtime begun");
        // the follower applied the same command and audited it a moment apart
        new AuditRepository(follower).append("begin-downtime", MASTER, "", "Downtime begun");
        new RecordedTables(follower).apply(onLeader.changes(before, onLeader.image()));
        assertEquals(1, new AuditRepository(follower).page(0, 10, null).size());
    }

    @Test
    void deletionsAndUpdatesFollowAndNothingChangedShipsNothing() {
        RecordedTables onLeader = new RecordedTables(leader);
        recordRecovery(leader);
        RecordedTables onFollower = new RecordedTables(follower);
        onFollower.replaceAll(onLeader.all());
        RecordedTables.Image before = onLeader.image();
        assertEquals(List.of(), onLeader.changes(before, onLeader.image()));

        new DowntimeRepository(leader).end(MASTER);
        new RecoveryRepository(leader).acknowledgeByUid("uid-1", "alice", "seen", T.plusSeconds(9));
        onFollower.apply(onLeader.changes(before, onLeader.image()));
        assertTrue(new DowntimeRepository(follower).find(MASTER, T.plusSeconds(5)).isEmpty());
        assertTrue(new RecoveryRepository(follower).byUid("uid-1").orElseThrow().acknowledged());
    }

    @Test
    void aSnapshotReplacesWhatTheNodeHeld() {
        recordRecovery(leader);
        new KvRepository(follower).put(Map.of("mysql/master/old", "127.0.0.1:10111"));
        new RecordedTables(follower).replaceAll(new RecordedTables(leader).all());
        assertEquals(Map.of("mysql/master/c1", "127.0.0.1:10112"), new KvRepository(follower).all());
        assertEquals(2, new RecoveryRepository(follower).steps("uid-1").size());
    }
}
