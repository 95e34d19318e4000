package org.orchestratoree.discovery.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs read-only statements on one connection and returns rows as label-to-text maps. */
final class SqlReader {

    private final Connection connection;

    SqlReader(Connection connection) {
        this.connection = connection;
    }

    /** All rows; SQL NULL values are null in the maps. */
    List<Map<String, String>> rows(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw naming(sql, e);
        }
    }

    /** The first row, or an empty map when there is none. */
    Map<String, String> firstRow(String sql) throws SQLException {
        List<Map<String, String>> rows = rows(sql);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** A two-column SHOW VARIABLES / SHOW STATUS result as name to value. */
    Map<String, String> nameValues(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            Map<String, String> values = new HashMap<>();
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
            return values;
        } catch (SQLException e) {
            throw naming(sql, e);
        }
    }

    /** First column of the first row as text; "" when there is no row or the value is NULL. */
    String singleValue(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            String value = rs.next() ? rs.getString(1) : null;
            return value == null ? "" : value;
        } catch (SQLException e) {
            throw naming(sql, e);
        }
    }

    /**
     * Adds the statement to the message so a probe failure says which query broke. Connection-level
     * failures are passed through unchanged: their type is what tells the cache to reconnect.
     */
    private static SQLException naming(String sql, SQLException e) {
        if (TopologyConnections.isConnectionLost(e)) {
            return e;
        }
        return new SQLException(sql + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
    }
}
