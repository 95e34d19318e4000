package org.orchestratoree.it;

import java.util.List;
import java.util.Map;

/**
 * Cuts the path from one process group to one TCP port, leaving every other process's path open: an
 * nftables table of its own whose output rule drops the packets of sockets owned by a given group id.
 * The sandbox's servers all listen on 127.0.0.1 and its replicas connect from there too, so the socket's
 * owner is what tells a node's connections apart from the replicas'. Start the process to cut off through
 * {@link #wrapper()} (it runs with that group as its only group).
 *
 * <p>Dropping, not rejecting: a partition loses packets, and the node has to find out through its own
 * connect and read timeouts. Needs root and {@code nft} (Debian's nftables package).
 */
final class NodeCut implements AutoCloseable {

    private final String table;
    private final int gid;

    /**
     * @param table an nftables table name used by nothing else; it is removed if a previous run left it
     * @param gid   a group id no other process runs with
     */
    NodeCut(String table, int gid) {
        this.table = table;
        this.gid = gid;
        if (Processes.run(Map.of(), 30, "nft", "--version").exitCode() != 0) {
            throw new AssertionError("nft is needed to cut a network path; install it with: apt-get install -y nftables");
        }
        restore();
    }

    /** The command prefix that runs a program with this cut's group id as its only group. */
    List<String> wrapper() {
        return List.of("setpriv", "--regid=" + gid, "--clear-groups");
    }

    /** Drops every packet this group's sockets send to the port, on established connections too. */
    void cut(int port) {
        nft("add", "table", "inet", table);
        nft("add", "chain", "inet", table, "output",
                "{ type filter hook output priority 0 ; policy accept ; }");
        nft("add", "rule", "inet", table, "output", "meta", "skgid", String.valueOf(gid),
                "tcp", "dport", String.valueOf(port), "drop");
    }

    /** Removes the table and its rules; a no-op when there is none. */
    void restore() {
        nft("add", "table", "inet", table); // so that the delete below cannot fail for want of it
        nft("delete", "table", "inet", table);
    }

    /** Whether the table exists, i.e. a cut is in force. */
    boolean active() {
        return Processes.run(Map.of(), 30, "nft", "list", "table", "inet", table).exitCode() == 0;
    }

    /** Whether a TCP connection to 127.0.0.1:port opens within two seconds, tried as this group or as the test. */
    boolean connects(int port, boolean asGroup) {
        String script = "exec 3<>/dev/tcp/127.0.0.1/" + port;
        List<String> command = new java.util.ArrayList<>(asGroup ? wrapper() : List.of());
        command.addAll(List.of("timeout", "2", "bash", "-c", script));
        return Processes.run(Map.of(), 30, command.toArray(String[]::new)).exitCode() == 0;
    }

    @Override
    public void close() {
        restore();
    }

    private static void nft(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "nft";
        System.arraycopy(args, 0, command, 1, args.length);
        Processes.ok(command);
    }
}
