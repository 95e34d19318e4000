package org.orchestratoree.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Ordered, append-only schema migrations. Each version runs once, in its own transaction where the backend
 * allows DDL in one (SQLite does; MySQL commits DDL implicitly, hence the version row written last).
 * To change the schema, add a file and a line to {@link #VERSIONS}; never edit an applied file.
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    static final List<String> VERSIONS = List.of("V1__core.sql", "V2__downtime_candidates_recovery.sql",
            "V3__kv_store.sql", "V4__cluster_alias_override.sql", "V5__gtid_errant.sql", "V8__cluster_domain.sql",
            "V9__active_node.sql");

    private final Backend backend;

    public SchemaMigrations(Backend backend) {
        this.backend = backend;
    }

    /** Applies the versions not applied yet; returns how many ran. */
    public int migrate() {
        try (Connection c = backend.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INT NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(255) NOT NULL, applied_at BIGINT NOT NULL)");
            }
            Set<Integer> applied = applied(c);
            int count = 0;
            for (String file : VERSIONS) {
                int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
                if (!applied.contains(version)) {
                    apply(c, version, file);
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new BackendUnavailableException("schema migration failed on " + backend.description() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Set<Integer> applied(Connection c) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_migrations")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private void apply(Connection c, int version, String file) throws SQLException {
        String sql = read(file).replace("${AUTO_INCREMENT_KEY}", backend.dialect().autoIncrementKey());
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, file);
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
            }
            c.commit();
            LOG.info("applied schema migration " + file + " to " + backend.description());
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static List<String> statements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(withoutComments.toString().split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String file) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + file, e);
        }
    }
}
