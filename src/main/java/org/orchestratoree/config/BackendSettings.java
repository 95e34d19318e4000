package org.orchestratoree.config;

/** Where this node keeps its own state: an embedded SQLite file or a MySQL/MariaDB server. */
public record BackendSettings(
        BackendType type,
        String sqliteFile,
        String mysqlHost,
        int mysqlPort,
        String mysqlDatabase,
        String mysqlUser,
        String mysqlPassword,
        int unreachableExitSeconds) {

    public enum BackendType { SQLITE, MYSQL }

    /** A description without secrets, for logs and the status API. */
    public String describe() {
        return type == BackendType.SQLITE
                ? "sqlite:" + sqliteFile
                : "mysql:" + mysqlUser + "@" + mysqlHost + ":" + mysqlPort + "/" + mysqlDatabase;
    }
}
