package org.orchestratoree.persistence;

import java.util.List;
import java.util.stream.Collectors;

/** The few statements that SQLite and MySQL spell differently. */
public enum SqlDialect {
    SQLITE, MYSQL;

    /** An insert that replaces the non-key columns of an existing row. */
    public String upsert(String table, List<String> keyColumns, List<String> columns) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        List<String> updated = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        if (this == SQLITE) {
            return insert + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET "
                    + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        }
        return insert + " ON DUPLICATE KEY UPDATE "
                + updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
    }

    /** Column type of an auto-incremented surrogate key. */
    public String autoIncrementKey() {
        return this == SQLITE ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT PRIMARY KEY AUTO_INCREMENT";
    }

    /** An insert that silently skips a row whose unique key is taken. */
    public String insertIgnore(String table, List<String> columns) {
        return (this == SQLITE ? "INSERT OR IGNORE INTO " : "INSERT IGNORE INTO ") + table + " ("
                + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
