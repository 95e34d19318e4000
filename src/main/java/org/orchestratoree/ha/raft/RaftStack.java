package org.orchestratoree.ha.raft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.orchestratoree.config.RaftSettings;

/** The JGroups stack of our resource file, its placeholders filled in from this node's raft settings. */
final class RaftStack {

    static final String RESOURCE = "orchestrator-raft-stack.xml";
    /** FD_SOCK2 listens at the raft port plus this; RaftNodes' ports should be at least this far apart from others. */
    static final int FD_SOCK_OFFSET = 50;
    /** Log entries after which jgroups-raft takes a snapshot by itself. */
    static final int MAX_LOG_SIZE = 1000;

    private RaftStack() {
    }

    static String xml(RaftSettings raft) {
        String template;
        try (InputStream in = RaftStack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("raft stack " + RESOURCE + " is missing from the application");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("raft stack " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = Map.of(
                "bind_host", RaftSettings.host(raft.bind()),
                "bind_port", String.valueOf(RaftSettings.port(raft.bind())),
                "advertise_host", RaftSettings.host(raft.advertise()),
                "advertise_port", String.valueOf(RaftSettings.port(raft.advertise())),
                "initial_hosts", raft.nodes().stream()
                        .map(n -> RaftSettings.host(n) + "[" + RaftSettings.port(n) + "]").collect(Collectors.joining(",")),
                "fd_offset", String.valueOf(FD_SOCK_OFFSET),
                "members", String.join(",", raft.nodes()),
                "raft_id", raft.advertise(),
                "log_dir", raft.dataDir(),
                "max_log_size", String.valueOf(MAX_LOG_SIZE));
        String xml = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            xml = xml.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
        }
        return xml;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
