package org.orchestratoree.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orchestrator's text rendering of a cluster: one line per instance, replicas indented below their master
 * with {@code +} (replicating and freshly checked) or {@code -}, and a description of lag, status, version,
 * read-only, binlog format and features. Plain form: {@code host:port [0s,ok,...]} with the brackets aligned;
 * tabulated form: {@code |}-separated columns padded to equal width.
 */
public final class TopologyListing {

    private final Instant now;
    private final Duration pollInterval;
    private final long reasonableLagSeconds;

    public TopologyListing(Instant now, Duration pollInterval, long reasonableLagSeconds) {
        this.now = now;
        this.pollInterval = pollInterval;
        this.reasonableLagSeconds = reasonableLagSeconds;
    }

    public String plain(List<Instance> cluster) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows(cluster)) {
            lines.add(row.entry + " [" + String.join(",", row.tokens.stream().filter(t -> !t.isEmpty()).toList()) + "]");
        }
        int column = lines.stream().mapToInt(l -> l.indexOf('[')).max().orElse(0);
        return String.join("\n", lines.stream().map(l -> {
            int at = l.indexOf('[');
            return l.substring(0, at) + " ".repeat(column - at) + l.substring(at);
        }).toList());
    }

    public String tabulated(List<Instance> cluster) {
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows(cluster)) {
            List<String> cells = new ArrayList<>();
            cells.add(row.entry);
            cells.addAll(row.tokens);
            table.add(cells);
        }
        int columns = table.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> cells : table) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> cells : table) {
            List<String> padded = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                String cell = i < cells.size() ? cells.get(i) : "";
                // the lag column is right-aligned, as orchestrator prints it
                padded.add(i == 1 ? pad(cell, widths[i], true) : pad(cell, widths[i], false));
            }
            lines.add(String.join("|", padded));
        }
        return String.join("\n", lines);
    }

    private static String pad(String cell, int width, boolean right) {
        String spaces = " ".repeat(width - cell.length());
        return right ? spaces + cell : cell + spaces;
    }

    private record Row(String entry, List<String> tokens) {
    }

    private List<Row> rows(List<Instance> cluster) {
        Map<InstanceKey, Instance> byKey = new LinkedHashMap<>();
        cluster.stream().sorted(Comparator.comparing(Instance::key)).forEach(i -> byKey.put(i.key(), i));
        Map<InstanceKey, List<Instance>> children = new LinkedHashMap<>();
        List<Instance> roots = new ArrayList<>();
        for (Instance i : byKey.values()) {
            InstanceKey master = i.snapshot().masterKey();
            // the head of a co-master pair is drawn as a root, its partner below it
            boolean coMasterHead = i.placement().coMaster() && i.placement().replicationDepth() == 0;
            if (master != null && byKey.containsKey(master) && !coMasterHead) {
                children.computeIfAbsent(master, k -> new ArrayList<>()).add(i);
            } else {
                roots.add(i);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Instance root : roots) {
            walk(root, 0, children, rows, new HashSet<>());
        }
        return rows;
    }

    private void walk(Instance instance, int depth, Map<InstanceKey, List<Instance>> children, List<Row> rows,
                      Set<InstanceKey> seen) {
        if (!seen.add(instance.key())) {
            return;
        }
        rows.add(new Row(prefix(instance, depth) + instance.key(), tokens(instance)));
        for (Instance child : children.getOrDefault(instance.key(), List.of())) {
            walk(child, depth + 1, children, rows, seen);
        }
    }

    private String prefix(Instance instance, int depth) {
        if (depth == 0) {
            return "";
        }
        ReplicaStatus r = instance.snapshot().replication();
        boolean healthy = r != null && r.replicating() && instance.checks().lastCheckValid()
                && instance.checks().recentlyChecked(now, pollInterval);
        return " ".repeat((depth - 1) * 2) + (healthy ? "+ " : "- ");
    }

    private List<String> tokens(Instance instance) {
        InstanceSnapshot s = instance.snapshot();
        List<String> extras = new ArrayList<>();
        if (s.binlog().logBinEnabled() && s.binlog().logReplicaUpdates()) {
            extras.add(">>");
        }
        if (s.gtid().usingMariaDbGtid() || s.gtid().supportsOracleGtid()) {
            extras.add("GTID");
        }
        if (s.semiSync().masterStatus()) {
            extras.add("semi:master");
        }
        if (s.semiSync().replicaStatus()) {
            extras.add("semi:replica");
        }
        return List.of(lag(instance), status(instance), s.version().shortVersion(), s.readOnly() ? "ro" : "rw",
                s.binlog().logBinEnabled() ? s.binlog().format() : "nobinlog", String.join(",", extras));
    }

    private String lag(Instance instance) {
        ReplicaStatus r = instance.snapshot().replication();
        if (!instance.checks().lastCheckValid() || !instance.checks().recentlyChecked(now, pollInterval)) {
            return "unknown";
        }
        if (r == null) {
            return "0s";
        }
        if (!r.replicating() || r.secondsBehindMaster() == null) {
            return "null";
        }
        return r.secondsBehindMaster() + "s";
    }

    private String status(Instance instance) {
        ReplicaStatus r = instance.snapshot().replication();
        if (!instance.checks().lastCheckValid()) {
            return "invalid";
        }
        if (!instance.checks().recentlyChecked(now, pollInterval)) {
            return "unchecked";
        }
        if (r != null && !r.replicating()) {
            return "nonreplicating";
        }
        if (r != null && r.secondsBehindMaster() != null
                && r.secondsBehindMaster() - r.sqlDelay() > reasonableLagSeconds) {
            return "lag";
        }
        return "ok";
    }
}
