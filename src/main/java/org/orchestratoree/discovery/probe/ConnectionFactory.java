package org.orchestratoree.discovery.probe;

import java.sql.Connection;
import java.sql.SQLException;
import org.orchestratoree.topology.InstanceKey;

/** Opens a fresh connection to one topology server; separated so connection caching can be tested. */
@FunctionalInterface
public interface ConnectionFactory {
    Connection open(InstanceKey key) throws SQLException;
}
