package org.orchestratoree.discovery.probe;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.Location;

/**
 * Cluster alias, data center, region and physical environment from the configured detection queries
 * (run on the probed server) or, when no query is set, from hostname patterns. These values are
 * optional: a failing query is logged and yields "", it never fails the probe.
 */
final class LocationResolver {

    private static final System.Logger LOG = System.getLogger(LocationResolver.class.getName());

    private final ProbeSettings settings;
    private final Pattern dataCenterPattern;
    private final Pattern regionPattern;

    LocationResolver(ProbeSettings settings) {
        this.settings = settings;
        // compiled once: a bad pattern is a configuration error and surfaces at construction
        this.dataCenterPattern = compile(settings.dataCenterPattern());
        this.regionPattern = compile(settings.regionPattern());
    }

    String clusterAlias(SqlReader sql, InstanceKey key) throws SQLException {
        return optionalQuery(sql, settings.detectClusterAliasQuery(), "cluster alias", key);
    }

    Location location(SqlReader sql, InstanceKey key) throws SQLException {
        return new Location(
                queryOrPattern(sql, settings.detectDataCenterQuery(), dataCenterPattern, "data center", key),
                queryOrPattern(sql, settings.detectRegionQuery(), regionPattern, "region", key),
                optionalQuery(sql, settings.detectPhysicalEnvironmentQuery(), "physical environment", key));
    }

    private String queryOrPattern(SqlReader sql, String query, Pattern pattern, String what, InstanceKey key)
            throws SQLException {
        if (!query.isEmpty()) {
            return optionalQuery(sql, query, what, key);
        }
        return group1(pattern, key.hostname());
    }

    /** Group 1 of the pattern found in the hostname, or "". */
    static String group1(Pattern pattern, String hostname) {
        if (pattern == null) {
            return "";
        }
        Matcher m = pattern.matcher(hostname);
        return m.find() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "";
    }

    private static String optionalQuery(SqlReader sql, String query, String what, InstanceKey key)
            throws SQLException {
        if (query.isEmpty()) {
            return "";
        }
        try {
            return sql.singleValue(query).trim();
        } catch (SQLException e) {
            if (TopologyConnections.isConnectionLost(e)) {
                throw e; // the connection is gone; the core probe has failed too
            }
            LOG.log(Level.WARNING, "{0}: could not detect {1}: {2}", key, what, e.getMessage());
            return "";
        }
    }

    private static Pattern compile(String regex) {
        return regex.isEmpty() ? null : Pattern.compile(regex);
    }
}
