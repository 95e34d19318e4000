package org.orchestratoree.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

class TopologyConnectionsTest {

    private static final InstanceKey A = new InstanceKey("db-a", 3306);
    private static final InstanceKey B = new InstanceKey("db-b", 3306);

    /** A Connection stand-in that only records close(); built with a JDK proxy since nothing else is called. */
    private static final class FakeConnection {
        final AtomicBoolean closed = new AtomicBoolean();
        final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> closed.set(true);
                        case "isClosed" -> {
                            return closed.get();
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    private final List<FakeConnection> opened = new ArrayList<>();
    private final AtomicInteger opens = new AtomicInteger();
    private final TopologyConnections connections = new TopologyConnections(key -> {
        opens.incrementAndGet();
        FakeConnection fake = new FakeConnection();
        opened.add(fake);
        return fake.connection;
    });

    @Test
    void reusesTheConnectionPerKey() throws SQLException {
        Connection first = connections.execute(A, c -> c);
        Connection second = connections.execute(A, c -> c);
        assertSame(first, second);
        connections.execute(B, c -> c);
        assertEquals(2, opens.get());
        assertEquals(2, connections.size());
    }

    @Test
    void discardsTheConnectionOnAnyQueryFailure() throws SQLException {
        connections.execute(A, c -> c);
        SQLException syntax = new SQLException("You have an error in your SQL syntax", "42000", 1064);
        assertSame(syntax, assertThrows(SQLException.class, () -> connections.execute(A, c -> {
            throw syntax;
        })));
        assertTrue(opened.get(0).closed.get());
        assertEquals(0, connections.size());
        connections.execute(A, c -> c);
        assertEquals(2, opens.get(), "the next probe opens a fresh connection");
    }

    @Test
    void retriesOnceOnAFreshConnectionWhenTheCachedOneWasLost() throws SQLException {
        connections.execute(A, c -> c);
        AtomicInteger attempts = new AtomicInteger();
        String result = connections.execute(A, c -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLNonTransientConnectionException("Connection reset", "08000");
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(2, attempts.get());
        assertTrue(opened.get(0).closed.get());
        assertFalse(opened.get(1).closed.get());
    }

    @Test
    void aFreshConnectionIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(SQLException.class, () -> connections.execute(A, c -> {
            attempts.incrementAndGet();
            throw new SQLNonTransientConnectionException("Connection reset", "08000");
        }));
        assertEquals(1, attempts.get());
        assertEquals(0, connections.size());
    }

    @Test
    void connectFailureIsDistinguished() {
        TopologyConnections failing = new TopologyConnections(key -> {
            throw new SQLNonTransientConnectionException("Connection refused", "08000");
        });
        ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> failing.execute(A, c -> c));
        assertTrue(e.getMessage().contains("db-a:3306"));
        assertEquals(0, failing.size());
    }

    @Test
    void closeAndCloseAll() throws SQLException {
        connections.execute(A, c -> c);
        connections.execute(B, c -> c);
        connections.close(A);
        assertTrue(opened.get(0).closed.get());
        assertEquals(1, connections.size());
        connections.close(A); // already gone: no effect
        connections.closeAll();
        assertTrue(opened.get(1).closed.get());
        assertEquals(0, connections.size());
    }

    @Test
    void differentKeysConcurrently() throws Exception {
        TopologyConnections shared = new TopologyConnections(key -> new FakeConnection().connection);
        List<Thread> threads = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            InstanceKey key = new InstanceKey("db-" + i, 3306);
            Thread thread = new Thread(() -> {
                for (int round = 0; round < 200; round++) {
                    try {
                        shared.execute(key, c -> c);
                    } catch (SQLException e) {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, failures.get());
        assertEquals(8, shared.size());
        shared.closeAll();
        assertEquals(0, shared.size());
    }
}
