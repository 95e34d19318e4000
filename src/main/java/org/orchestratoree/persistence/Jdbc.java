package org.orchestratoree.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The small amount of JDBC plumbing the repositories share; SQL errors become backend errors. */
final class Jdbc {

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> T run(Backend backend, String what, Work<T> work) {
        try (Connection c = backend.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new BackendUnavailableException("backend " + backend.description() + " failed to " + what + ": "
                    + e.getMessage(), e);
        }
    }

    static <T> List<T> query(Backend backend, String what, String sql, RowReader<T> reader, Object... params) {
        return run(backend, what, c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Runs an insert and returns the generated key, or 0 when no row was inserted (an ignored duplicate). */
    static long insert(Backend backend, String what, String sql, Object... params) {
        return run(backend, what, c -> {
            try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(p, params);
                if (p.executeUpdate() == 0) {
                    return 0L;
                }
                try (ResultSet keys = p.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : 0L;
                }
            }
        });
    }

    private static void bind(PreparedStatement p, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
    }

    static int update(Backend backend, String what, String sql, Object... params) {
        return run(backend, what, c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                return p.executeUpdate();
            }
        });
    }
}
