package org.orchestratoree.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void sqliteUpsert() {
        assertEquals("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET "
                        + "c = excluded.c, d = excluded.d",
                SqlDialect.SQLITE.upsert("t", List.of("a", "b"), List.of("a", "b", "c", "d")));
    }

    @Test
    void mysqlUpsert() {
        assertEquals("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "c = VALUES(c), d = VALUES(d)",
                SqlDialect.MYSQL.upsert("t", List.of("a", "b"), List.of("a", "b", "c", "d")));
    }

    @Test
    void autoIncrementKey() {
        assertEquals("INTEGER PRIMARY KEY AUTOINCREMENT", SqlDialect.SQLITE.autoIncrementKey());
        assertEquals("BIGINT PRIMARY KEY AUTO_INCREMENT", SqlDialect.MYSQL.autoIncrementKey());
    }

    @Test
    void migrationStatementsDropCommentsAndSplitOnSemicolons() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"),
                SchemaMigrations.statements("-- comment; with semicolon\nCREATE TABLE a (x INT);\n"
                        + "  -- another\nCREATE INDEX i ON a (x);\n\n"));
    }

    @Test
    void instanceColumnsMatchTheBoundParameterCount() {
        String sql = SqlDialect.SQLITE.upsert("database_instance", InstanceRows.KEY, InstanceRows.COLUMNS);
        assertEquals(InstanceRows.COLUMNS.size(), sql.chars().filter(ch -> ch == '?').count());
        assertEquals(67, InstanceRows.COLUMNS.size());
    }
}
