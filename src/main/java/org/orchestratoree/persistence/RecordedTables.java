package org.orchestratoree.persistence;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables that records build (downtimes, promotion rules, recoveries and their steps, failure detections,
 * blocked recoveries, the global switch, the internal KV store, the audit trail), read and written as plain
 * rows. An HA group uses it to carry what its leader recorded to the other members, and to take and install
 * snapshots; nothing here knows what a row means.
 */
public final class RecordedTables {

    /**
     * How a table is compared: by its key columns, or (append-only tables with a surrogate id) by the rows
     * added since the highest id seen. {@code localIds}: every node also appends rows of its own, so rows
     * arriving from the leader take new ids here and a row already present with the same content (its time
     * column within a minute: this node wrote its own row when it applied the same command) is skipped.
     */
    record Spec(String table, List<String> key, boolean appendOnly, boolean localIds, String timeColumn) {
        Spec(String table, List<String> key, boolean appendOnly) {
            this(table, key, appendOnly, false, "");
        }
    }

    static final List<Spec> TABLES = List.of(
            new Spec("database_instance_downtime", List.of("hostname", "port"), false),
            new Spec("candidate_database_instance", List.of("hostname", "port"), false),
            new Spec("topology_recovery", List.of("recovery_id"), false),
            new Spec("topology_recovery_steps", List.of("recovery_step_id"), true),
            new Spec("topology_failure_detection", List.of("detection_id"), false),
            new Spec("blocked_topology_recovery", List.of("hostname", "port"), false),
            new Spec("global_recovery_disable", List.of("disable_recovery"), false),
            new Spec("kv_store", List.of("store_key"), false),
            new Spec("audit", List.of("audit_id"), true, true, "audit_timestamp"));

    /** Tables a snapshot holds besides those above: written by every node's own discovery, restored whole. */
    static final List<String> SNAPSHOT_ONLY = List.of("cluster_alias");

    /** Rows of one table; each row lists its values in {@code columns} order. */
    public record Rows(String table, List<String> columns, List<List<Object>> rows) implements Serializable {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** What changed in one table: rows to write (insert or replace) and keys of rows to delete. */
    public record Change(String table, List<String> columns, List<List<Object>> written, List<List<Object>> deletedKeys)
            implements Serializable {
        public Change {
            columns = List.copyOf(columns);
            written = List.copyOf(written);
            deletedKeys = List.copyOf(deletedKeys);
        }
    }

    /** The state of every table at one moment, to compare a later moment with. */
    public static final class Image {
        private final Map<String, Map<List<Object>, List<Object>>> rows = new LinkedHashMap<>();
        private final Map<String, List<String>> columns = new LinkedHashMap<>();
        private final Map<String, Long> highestIds = new LinkedHashMap<>();
    }

    private final Backend backend;

    public RecordedTables(Backend backend) {
        this.backend = backend;
    }

    public Image image() {
        return Jdbc.run(backend, "read recorded state", c -> {
            Image image = new Image();
            for (Spec spec : TABLES) {
                if (spec.appendOnly()) {
                    image.highestIds.put(spec.table(), highestId(c, spec));
                } else {
                    Rows rows = read(c, spec.table(), "");
                    image.columns.put(spec.table(), rows.columns());
                    Map<List<Object>, List<Object>> byKey = new LinkedHashMap<>();
                    List<Integer> keyIndexes = spec.key().stream().map(rows.columns()::indexOf).toList();
                    for (List<Object> row : rows.rows()) {
                        byKey.put(keyIndexes.stream().map(row::get).toList(), row);
                    }
                    image.rows.put(spec.table(), byKey);
                }
            }
            return image;
        });
    }

    /** What changed between two images of this backend, append-only tables read from the backend. */
    public List<Change> changes(Image before, Image after) {
        return Jdbc.run(backend, "read recorded changes", c -> {
            List<Change> changes = new ArrayList<>();
            for (Spec spec : TABLES) {
                if (spec.appendOnly()) {
                    long from = before.highestIds.getOrDefault(spec.table(), 0L);
                    long to = after.highestIds.getOrDefault(spec.table(), 0L);
                    if (to > from) {
                        String id = spec.key().get(0);
                        Rows added = read(c, spec.table(), " WHERE " + id + " > " + from + " AND " + id + " <= " + to);
                        changes.add(new Change(spec.table(), added.columns(), added.rows(), List.of()));
                    }
                    continue;
                }
                Map<List<Object>, List<Object>> old = before.rows.getOrDefault(spec.table(), Map.of());
                Map<List<Object>, List<Object>> now = after.rows.getOrDefault(spec.table(), Map.of());
                List<List<Object>> written = new ArrayList<>();
                List<List<Object>> deleted = new ArrayList<>();
                now.forEach((key, row) -> {
                    if (!Objects.equals(old.get(key), row)) {
                        written.add(row);
                    }
                });
                old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(deleted::add);
                if (!written.isEmpty() || !deleted.isEmpty()) {
                    changes.add(new Change(spec.table(), after.columns.get(spec.table()), written, deleted));
                }
            }
            return changes;
        });
    }

    /** Applies another node's changes in one transaction. */
    public void apply(List<Change> changes) {
        Jdbc.run(backend, "apply recorded changes", c -> inTransaction(c, () -> {
            for (Change change : changes) {
                Spec spec = spec(change.table());
                if (spec.localIds()) {
                    appendMissing(c, spec, change);
                    continue;
                }
                for (List<Object> key : change.deletedKeys()) {
                    delete(c, spec, key);
                }
                List<Integer> keyIndexes = spec.key().stream().map(change.columns()::indexOf).toList();
                for (List<Object> row : change.written()) {
                    delete(c, spec, keyIndexes.stream().map(row::get).toList());
                    insert(c, change.table(), change.columns(), row);
                }
            }
            return null;
        }));
    }

    /** Every row of every table, for a snapshot. */
    public List<Rows> all() {
        return Jdbc.run(backend, "read snapshot", c -> {
            List<Rows> all = new ArrayList<>();
            for (Spec spec : TABLES) {
                all.add(read(c, spec.table(), ""));
            }
            for (String table : SNAPSHOT_ONLY) {
                all.add(read(c, table, ""));
            }
            return all;
        });
    }

    /** Replaces the tables' content with a snapshot's, in one transaction. */
    public void replaceAll(List<Rows> tables) {
        Jdbc.run(backend, "install snapshot", c -> inTransaction(c, () -> {
            for (Rows rows : tables) {
                if (TABLES.stream().noneMatch(s -> s.table().equals(rows.table()))
                        && !SNAPSHOT_ONLY.contains(rows.table())) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + rows.table());
                }
                for (List<Object> row : rows.rows()) {
                    insert(c, rows.table(), rows.columns(), row);
                }
            }
            return null;
        }));
    }

    /** The instances this node knows, as host and port, for a snapshot. */
    public List<List<Object>> instanceKeys() {
        return Jdbc.query(backend, "read instance keys", "SELECT hostname, port FROM database_instance",
                rs -> List.<Object>of(rs.getString(1), rs.getInt(2)));
    }

    private interface Body<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Body<T> body) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = body.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static Spec spec(String table) {
        return TABLES.stream().filter(s -> s.table().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a recorded table: " + table));
    }

    private static long highestId(Connection c, Spec spec) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(" + spec.key().get(0) + ") FROM " + spec.table())) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    private static Rows read(Connection c, String table, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + where)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(normalised(rs.getObject(i)));
                }
                rows.add(java.util.Collections.unmodifiableList(row));
            }
            return new Rows(table, columns, rows);
        }
    }

    /** Integers as longs, so that SQLite's and MySQL's drivers compare and serialise alike. */
    private static Object normalised(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
            return ((Number) value).longValue();
        }
        return value;
    }

    private static void delete(Connection c, Spec spec, List<Object> key) throws SQLException {
        String where = String.join(" AND ", spec.key().stream().map(k -> k + " = ?").toList());
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + spec.table() + " WHERE " + where)) {
            bind(p, key);
            p.executeUpdate();
        }
    }

    private static void insert(Connection c, String table, List<String> columns, List<Object> row)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, row);
            p.executeUpdate();
        }
    }

    /** Rows of a table every node appends to: added without their id, unless the same row is already here. */
    private static void appendMissing(Connection c, Spec spec, Change change) throws SQLException {
        String id = spec.key().get(0);
        List<String> columns = change.columns().stream().filter(col -> !col.equals(id)).toList();
        String same = String.join(" AND ", columns.stream().map(col -> col.equals(spec.timeColumn())
                ? col + " BETWEEN ? - 60000 AND ? + 60000" : col + " = ?").toList());
        for (List<Object> row : change.written()) {
            List<Object> values = new ArrayList<>();
            List<Object> probe = new ArrayList<>();
            for (int i = 0; i < change.columns().size(); i++) {
                String column = change.columns().get(i);
                if (!column.equals(id)) {
                    values.add(row.get(i));
                    probe.add(row.get(i));
                    if (column.equals(spec.timeColumn())) {
                        probe.add(row.get(i));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + spec.table() + " WHERE " + same)) {
                bind(p, probe);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        continue;
                    }
                }
            }
            insert(c, spec.table(), columns, values);
        }
    }

    private static void bind(PreparedStatement p, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            p.setObject(i + 1, values.get(i));
        }
    }
}
