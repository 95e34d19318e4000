package org.orchestratoree.discovery.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.orchestratoree.topology.InstanceKey;

/**
 * One open connection per topology server, reused across probes because servers are polled every
 * second and a fresh handshake each time would dominate the probe's cost. A connection that saw any
 * SQLException is discarded, so the next probe starts clean.
 *
 * <p>Thread-safe for different keys; callers guarantee one key is never used concurrently.
 */
public final class TopologyConnections implements AutoCloseable {

    /** Work done on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final ConnectionFactory factory;
    private final ConcurrentMap<InstanceKey, Connection> open = new ConcurrentHashMap<>();

    public TopologyConnections(ConnectionFactory factory) {
        this.factory = factory;
    }

    public TopologyConnections(ProbeSettings settings) {
        this(new MariaDbConnectionFactory(settings));
    }

    /**
     * Runs work on the key's connection, opening one if needed.
     *
     * @throws ConnectFailedException when no connection could be opened
     * @throws SQLException           when the work failed; the connection has been discarded
     */
    public <T> T execute(InstanceKey key, SqlWork<T> work) throws SQLException {
        Connection cached = open.get(key);
        if (cached != null) {
            try {
                return work.run(cached);
            } catch (SQLException e) {
                close(key);
                if (!isConnectionLost(e)) {
                    throw e;
                }
                // the server may have restarted or dropped an idle link; only a fresh connect tells
            }
        }
        Connection fresh = connect(key);
        try {
            return work.run(fresh);
        } catch (SQLException e) {
            close(key);
            throw e;
        }
    }

    /** Closes and forgets the key's connection, if any. */
    public void close(InstanceKey key) {
        Connection connection = open.remove(key);
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    /** Closes every connection; used at shutdown. */
    public void closeAll() {
        for (InstanceKey key : List.copyOf(open.keySet())) {
            close(key);
        }
    }

    @Override
    public void close() {
        closeAll();
    }

    /** Number of cached connections, for health reporting and tests. */
    public int size() {
        return open.size();
    }

    private Connection connect(InstanceKey key) throws ConnectFailedException {
        Connection connection;
        try {
            connection = factory.open(key);
        } catch (SQLException e) {
            throw new ConnectFailedException(key, e);
        }
        Connection previous = open.put(key, connection);
        if (previous != null && previous != connection) {
            closeQuietly(previous);
        }
        return connection;
    }

    /** SQLState class 08 is "connection exception" in both MySQL and MariaDB. */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                || (state != null && state.startsWith("08"));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is being thrown away; a failure to close it changes nothing
        }
    }
}
