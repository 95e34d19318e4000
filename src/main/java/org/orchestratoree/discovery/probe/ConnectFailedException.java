package org.orchestratoree.discovery.probe;

import java.sql.SQLException;
import org.orchestratoree.topology.InstanceKey;

/** A connection could not be established at all, as opposed to a statement failing on a live one. */
public class ConnectFailedException extends SQLException {
    public ConnectFailedException(InstanceKey key, SQLException cause) {
        super("could not connect to " + key + ": " + cause.getMessage(), cause.getSQLState(),
                cause.getErrorCode(), cause);
    }
}
