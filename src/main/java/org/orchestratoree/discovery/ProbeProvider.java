package org.orchestratoree.discovery;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.DiscoverySettings;
import org.orchestratoree.discovery.probe.InstanceProbe;
import org.orchestratoree.discovery.probe.JdbcInstanceProbe;
import org.orchestratoree.discovery.probe.ProbeSettings;
import org.orchestratoree.discovery.probe.TopologyConnections;

/**
 * The probe for the current configuration. A configuration reload that changes credentials, timeouts or
 * detection queries builds a new probe and closes the old connections; otherwise connections are kept.
 */
@ApplicationScoped
public class ProbeProvider {

    @Inject
    CurrentConfiguration configuration;

    private ProbeSettings settings;
    private TopologyConnections connections;
    private InstanceProbe probe;

    public synchronized InstanceProbe probe() {
        ProbeSettings wanted = settingsOf(configuration.get().discovery());
        if (!wanted.equals(settings)) {
            if (connections != null) {
                connections.closeAll();
            }
            settings = wanted;
            connections = new TopologyConnections(wanted);
            probe = new JdbcInstanceProbe(wanted, connections);
        }
        return probe;
    }

    /**
     * Runs a query that answers one value (a detection query such as DetectClusterDomainQuery) on the
     * server's cached connection; "" when it returns no row or NULL.
     */
    public String singleValue(org.orchestratoree.topology.InstanceKey key, String query) throws SQLException {
        TopologyConnections current;
        synchronized (this) {
            probe();
            current = connections;
        }
        return current.execute(key, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                String value = rs.next() ? rs.getString(1) : null;
                return value == null ? "" : value.strip();
            }
        });
    }

    /** Drops the cached connection to a server, e.g. after it was forgotten. */
    public synchronized void disconnect(org.orchestratoree.topology.InstanceKey key) {
        if (connections != null) {
            connections.close(key);
        }
    }

    static ProbeSettings settingsOf(DiscoverySettings d) {
        return new ProbeSettings(d.topologyUser(), d.topologyPassword(), d.connectTimeoutSeconds(),
                d.readTimeoutSeconds(), d.discoverByShowSlaveHosts(), d.detectClusterAliasQuery(),
                d.detectDataCenterQuery(), d.dataCenterPattern(), d.detectRegionQuery(), d.regionPattern(),
                d.detectPhysicalEnvironmentQuery());
    }

    @PreDestroy
    synchronized void close() {
        if (connections != null) {
            connections.closeAll();
        }
    }
}
