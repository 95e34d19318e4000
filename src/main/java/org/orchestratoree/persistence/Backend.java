package org.orchestratoree.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.orchestratoree.config.BackendSettings;

/**
 * The node's own database: a pool over SQLite or MySQL/MariaDB, plus the SQL differences between them.
 * Timestamps are stored as epoch milliseconds so that one schema serves both.
 */
public final class Backend implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Backend.class.getName());

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final String description;

    private Backend(HikariDataSource dataSource, SqlDialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * Opens the backend, retrying until it answers or {@code unreachableExitSeconds} have passed.
     *
     * @throws BackendUnavailableException when the backend never answered in time
     */
    public static Backend open(BackendSettings settings) {
        Instant deadline = Instant.now().plusSeconds(settings.unreachableExitSeconds());
        SQLException last = null;
        HikariConfig pool = poolConfig(settings);
        while (Instant.now().isBefore(deadline)) {
            HikariDataSource ds = null;
            try {
                ds = new HikariDataSource(pool);
                try (Connection c = ds.getConnection()) {
                    c.isValid(2);
                }
                SqlDialect dialect = settings.type() == BackendSettings.BackendType.SQLITE
                        ? SqlDialect.SQLITE : SqlDialect.MYSQL;
                LOG.info("backend " + settings.describe() + " is open");
                return new Backend(ds, dialect, settings.describe());
            } catch (RuntimeException e) {
                last = e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
            } catch (SQLException e) {
                last = e;
            }
            if (ds != null) {
                ds.close();
            }
            LOG.warning("backend " + settings.describe() + " is not reachable yet: " + last.getMessage());
            sleep(Duration.ofSeconds(1));
        }
        throw new BackendUnavailableException("backend " + settings.describe() + " stayed unreachable for "
                + settings.unreachableExitSeconds() + "s (BackendUnreachableExitSeconds): "
                + (last == null ? "no attempt" : last.getMessage()));
    }

    private static HikariConfig poolConfig(BackendSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orchestrator-backend");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        if (settings.type() == BackendSettings.BackendType.SQLITE) {
            createParentDirectory(settings.sqliteFile());
            config.setDriverClassName("org.sqlite.JDBC");
            config.setJdbcUrl("jdbc:sqlite:" + settings.sqliteFile());
            // SQLite has one writer anyway; one connection avoids SQLITE_BUSY between our own threads
            config.setMaximumPoolSize(1);
            config.setConnectionInitSql("PRAGMA busy_timeout=5000");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
        } else {
            config.setDriverClassName("com.mysql.cj.jdbc.Driver");
            config.setJdbcUrl("jdbc:mysql://" + settings.mysqlHost() + ":" + settings.mysqlPort() + "/"
                    + settings.mysqlDatabase() + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                    + "&connectTimeout=3000&socketTimeout=10000&rewriteBatchedStatements=true");
            config.setUsername(settings.mysqlUser());
            config.setPassword(settings.mysqlPassword());
            config.setMaximumPoolSize(8);
        }
        return config;
    }

    private static void createParentDirectory(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BackendUnavailableException("cannot create directory " + parent + " for SQLite3DataFile: "
                    + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("interrupted while waiting for the backend");
        }
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    /** True when a connection can be had and answers within two seconds. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
