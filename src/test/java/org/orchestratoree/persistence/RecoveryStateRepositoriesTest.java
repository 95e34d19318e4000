package org.orchestratoree.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestratoree.config.BackendSettings;
import org.orchestratoree.topology.BlockedRecovery;
import org.orchestratoree.topology.CandidateRegistration;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.FailureDetection;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;
import org.orchestratoree.topology.RecoveryOutcome;
import org.orchestratoree.topology.TopologyRecovery;

/** Downtime, candidate, detection and recovery repositories against a real SQLite file. */
class RecoveryStateRepositoriesTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00.123Z");
    private static final InstanceKey MASTER = new InstanceKey("master.local", 3306);
    private static final InstanceKey REPLICA = new InstanceKey("replica.local", 3306);

    @TempDir
    Path dir;

    private Backend backend;

    @BeforeEach
    void open() {
        backend = Backend.open(new BackendSettings(BackendSettings.BackendType.SQLITE,
                dir.resolve("orchestrator.sqlite3").toString(), "", 0, "", "", "", 5));
        assertEquals(SchemaMigrations.VERSIONS.size(), new SchemaMigrations(backend).migrate());
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void downtimeReplacesAndExpiresOnRead() {
        DowntimeRepository downtimes = new DowntimeRepository(backend);
        downtimes.begin(Downtime.of(REPLICA, "alice", "upgrade", T, Duration.ofMinutes(30)));
        downtimes.begin(Downtime.of(REPLICA, "bob", "reboot", T, Duration.ofMinutes(10)));
        Downtime d = downtimes.find(REPLICA, T.plusSeconds(60)).orElseThrow();
        assertEquals("bob", d.owner());
        assertEquals("reboot", d.reason());
        assertEquals(T.plusSeconds(600), d.end());
        assertTrue(downtimes.find(REPLICA, T.plusSeconds(600)).isEmpty(), "expired downtime reads as none");
        assertEquals(List.of(d), downtimes.active(T));
        assertEquals(1, downtimes.deleteExpired(T.plusSeconds(601)));
        assertFalse(downtimes.end(REPLICA));
    }

    @Test
    void endDowntimeSaysWhetherThereWasOne() {
        DowntimeRepository downtimes = new DowntimeRepository(backend);
        downtimes.begin(Downtime.of(REPLICA, "alice", "upgrade", T, Duration.ofMinutes(30)));
        assertTrue(downtimes.end(REPLICA));
        assertTrue(downtimes.active(T).isEmpty());
    }

    @Test
    void candidateKeepsTheLatestRuleUntilItExpires() {
        CandidateRepository candidates = new CandidateRepository(backend);
        candidates.register(new CandidateRegistration(REPLICA, PromotionRule.PREFER, T, T.plusSeconds(3600)));
        candidates.register(new CandidateRegistration(REPLICA, PromotionRule.MUST_NOT, T, T.plusSeconds(60)));
        assertEquals(PromotionRule.MUST_NOT, candidates.find(REPLICA, T).orElseThrow().rule());
        assertTrue(candidates.find(REPLICA, T.plusSeconds(60)).isEmpty());
        assertEquals(1, candidates.active(T).size());
    }

    @Test
    void oneRecoveryInActivePeriodPerInstance() {
        RecoveryRepository recoveries = new RecoveryRepository(backend);
        TopologyRecovery first = recoveries.register(starting("uid-1", T)).orElseThrow();
        assertTrue(first.id() > 0);
        assertTrue(first.active());
        assertFalse(first.finished());
        assertTrue(recoveries.register(starting("uid-2", T.plusSeconds(1))).isEmpty(), "blocked by the first");
        assertEquals(List.of(first), recoveries.running("c1"));

        assertTrue(recoveries.resolve("uid-1", new RecoveryOutcome(true, REPLICA, "", List.of(
                new InstanceKey("lost.local", 3306)), List.of(MASTER, REPLICA), List.of("e1", "e2")), T.plusSeconds(5)));
        TopologyRecovery resolved = recoveries.byUid("uid-1").orElseThrow();
        assertTrue(resolved.successful());
        assertEquals(REPLICA, resolved.successor());
        assertEquals(List.of("e1", "e2"), resolved.allErrors());
        assertEquals(List.of(MASTER, REPLICA), resolved.participatingInstances());
        assertEquals(T.plusSeconds(5), resolved.endRecovery());
        assertTrue(recoveries.running("c1").isEmpty());
        assertEquals(1, recoveries.inActivePeriod("c1").size(), "finished but still blocking");
        assertEquals(1, recoveries.inActivePeriodWithSuccessor(REPLICA).size());
        assertEquals(1, recoveries.endedSince("c1", T).size());

        assertEquals(1, recoveries.acknowledgeCluster("c1", "alias1", "alice", "looked at it", T.plusSeconds(9)));
        TopologyRecovery acked = recoveries.byId(first.id()).orElseThrow();
        assertFalse(acked.active());
        assertEquals(new TopologyRecovery.Acknowledgement("alice", "looked at it", T.plusSeconds(9)),
                acked.acknowledgement());
        assertEquals(0, recoveries.acknowledgeAll("bob", "again", T), "already acknowledged");
        assertTrue(recoveries.register(starting("uid-3", T.plusSeconds(10))).isPresent(), "unblocked");
    }

    @Test
    void acknowledgeByEachSelector() {
        RecoveryRepository recoveries = new RecoveryRepository(backend);
        long id = recoveries.register(starting("uid-1", T)).orElseThrow().id();
        assertEquals(0, recoveries.acknowledgeInstance(REPLICA, "a", "c", T));
        assertEquals(1, recoveries.acknowledgeById(id, "a", "c", T));
        recoveries.register(starting("uid-2", T));
        assertEquals(1, recoveries.acknowledgeByUid("uid-2", "a", "c", T));
        recoveries.register(starting("uid-3", T));
        assertEquals(1, recoveries.acknowledgeInstance(MASTER, "a", "c", T));
        recoveries.register(starting("uid-4", T));
        assertEquals(1, recoveries.acknowledgeAll("a", "c", T));
        assertEquals(4, recoveries.page(0, 20, null, null, false).size());
        assertEquals(2, recoveries.page(1, 2, "c1", null, false).size());
        assertEquals(4, recoveries.page(0, 20, null, "alias1", false).size());
        assertEquals(0, recoveries.page(0, 20, null, null, true).size());
        assertEquals("uid-4", recoveries.page(0, 1, null, null, false).get(0).uid(), "newest first");
    }

    @Test
    void activePeriodExpires() {
        RecoveryRepository recoveries = new RecoveryRepository(backend);
        recoveries.register(starting("uid-1", T));
        assertEquals(0, recoveries.clearActivePeriodsBefore(T, T));
        assertEquals(1, recoveries.clearActivePeriodsBefore(T.plusSeconds(1), T.plusSeconds(1)));
        assertTrue(recoveries.inActivePeriod("c1").isEmpty());
    }

    @Test
    void stepsInOrder() {
        RecoveryRepository recoveries = new RecoveryRepository(backend);
        recoveries.addStep("uid-1", "first", T);
        recoveries.addStep("uid-1", "second", T.plusMillis(1));
        recoveries.addStep("uid-2", "other", T);
        assertEquals(List.of("first", "second"), recoveries.steps("uid-1").stream().map(s -> s.message()).toList());
    }

    @Test
    void detectionsAreRegisteredOncePerActivePeriodAndLinkToTheirRecovery() {
        FailureDetectionRepository detections = new FailureDetectionRepository(backend);
        FailureDetection d = detections.register(FailureDetection.starting(MASTER, "c1", "alias1", "DeadMaster", 3,
                true, T, "node1")).orElseThrow();
        assertTrue(detections.register(FailureDetection.starting(MASTER, "c1", "alias1", "DeadMaster", 3, true,
                T, "node1")).isEmpty());
        long recoveryId = new RecoveryRepository(backend).register(starting("uid-1", T)).orElseThrow().id();
        assertEquals(d.id(), new RecoveryRepository(backend).byId(recoveryId).orElseThrow().lastDetectionId());
        FailureDetection read = detections.byId(d.id()).orElseThrow();
        assertEquals(recoveryId, read.relatedRecoveryId());
        assertTrue(read.active());
        assertNull(read.endActivePeriod());
        assertEquals(1, detections.clearCluster("c1", "alias1", T.plusSeconds(1)));
        assertTrue(detections.register(FailureDetection.starting(MASTER, "c1", "alias1", "DeadMaster", 3, true,
                T.plusSeconds(2), "node1")).isPresent());
        assertEquals(2, detections.page(0, 20, "alias1").size());
        assertEquals(0, detections.page(0, 20, "other").size());
        assertEquals(1, detections.clearActivePeriodsBefore(T.plusSeconds(3), T.plusSeconds(3)));
    }

    @Test
    void blockedRecoveriesAreReleasedByAcknowledgement() {
        RecoveryRepository recoveries = new RecoveryRepository(backend);
        BlockedRecoveryRepository blocked = new BlockedRecoveryRepository(backend);
        long id = recoveries.register(starting("uid-1", T)).orElseThrow().id();
        blocked.register(new BlockedRecovery(REPLICA, "c1", "DeadMaster", T, id));
        assertEquals(1, blocked.list("c1").size());
        assertEquals(0, blocked.list("c2").size());
        assertEquals(0, blocked.expire(T));
        recoveries.acknowledgeAll("a", "c", T);
        assertEquals(1, blocked.expire(T));
        assertTrue(blocked.list(null).isEmpty());
    }

    @Test
    void globalRecoveryFlag() {
        GlobalRecoveryRepository flag = new GlobalRecoveryRepository(backend);
        assertFalse(flag.isDisabled());
        flag.disable();
        flag.disable();
        assertTrue(flag.isDisabled());
        flag.enable();
        assertFalse(flag.isDisabled());
    }

    private static TopologyRecovery starting(String uid, Instant at) {
        return TopologyRecovery.starting(uid, MASTER, "c1", "alias1", "DeadMaster", "master is dead",
                List.of(REPLICA), at, "node1");
    }
}
