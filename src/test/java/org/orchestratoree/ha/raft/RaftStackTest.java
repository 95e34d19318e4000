package org.orchestratoree.ha.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jgroups.JChannel;
import org.jgroups.protocols.raft.RAFT;
import org.junit.jupiter.api.Test;
import org.orchestratoree.config.RaftSettings;
import org.orchestratoree.discovery.DiscoverCommand;
import org.orchestratoree.ha.Command;
import org.orchestratoree.ha.Serialized;
import org.orchestratoree.kv.KvPair;
import org.orchestratoree.kv.WriteKvCommand;
import org.orchestratoree.recovery.AckRecoveryCommand;
import org.orchestratoree.recovery.BeginDowntimeCommand;
import org.orchestratoree.recovery.EndDowntimeCommand;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.InstanceKey;

/** Our stack file filled in from raft settings, and the log entries it carries. */
class RaftStackTest {

    private static final RaftSettings SETTINGS = new RaftSettings(true, "/var/lib/orc/raft", "127.0.0.1:4601",
            "127.0.0.1:4601", 10008, List.of("127.0.0.1:4601", "127.0.0.1:4602", "127.0.0.1:4603"),
            "http://127.0.0.1:3001");

    @Test
    void placeholdersAreFilledFromTheSettings() {
        String xml = RaftStack.xml(SETTINGS);
        assertFalse(xml.contains("{{"), xml);
        assertTrue(xml.contains("initial_hosts=\"127.0.0.1[4601],127.0.0.1[4602],127.0.0.1[4603]\""), xml);
        assertTrue(xml.contains("members=\"127.0.0.1:4601,127.0.0.1:4602,127.0.0.1:4603\""), xml);
        assertTrue(xml.contains("raft_id=\"127.0.0.1:4601\""), xml);
        assertTrue(xml.contains("log_dir=\"/var/lib/orc/raft\""), xml);
        assertTrue(xml.contains("<raft.ELECTION2"), "pre-vote election");
        assertTrue(xml.contains("<FD_ALL3 timeout=\"3000\" interval=\"1000\"/>"), xml);
    }

    @Test
    void jgroupsAcceptsTheStack() throws Exception {
        try (JChannel channel = new JChannel(new ByteArrayInputStream(
                RaftStack.xml(SETTINGS).getBytes(StandardCharsets.UTF_8)))) {
            RAFT raft = channel.getProtocolStack().findProtocol(RAFT.class);
            assertEquals(List.of("127.0.0.1:4601", "127.0.0.1:4602", "127.0.0.1:4603"), raft.members());
            assertEquals("127.0.0.1:4601", raft.raftId());
        }
    }

    @Test
    void recordCommandsSurviveTheLog() {
        InstanceKey key = new InstanceKey("127.0.0.1", 10112);
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        List<Command<?>> commands = List.of(new DiscoverCommand(key),
                new BeginDowntimeCommand(Downtime.of(key, "alice", "upgrade", t, Duration.ofMinutes(10))),
                new EndDowntimeCommand(key),
                new WriteKvCommand(List.of(new KvPair("mysql/master/c1", "127.0.0.1:10112")), true),
                AckRecoveryCommand.all("alice", "seen", t),
                new LeaderAnnounced("127.0.0.1:4601", "http://127.0.0.1:3001"));
        for (Command<?> c : commands) {
            byte[] bytes = Serialized.bytes(new LogEntry("127.0.0.1:4601", 7, c));
            LogEntry back = (LogEntry) Serialized.value(bytes, 0, bytes.length);
            assertEquals(c, back.command());
            assertEquals(7, back.number());
        }
    }
}
