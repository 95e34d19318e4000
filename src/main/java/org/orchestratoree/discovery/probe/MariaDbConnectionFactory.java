package org.orchestratoree.discovery.probe;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import org.orchestratoree.topology.InstanceKey;

/**
 * Opens topology connections with mariadb-java-client, which also speaks to MySQL servers. The driver is
 * instantiated directly rather than through DriverManager, whose caller-classloader check is unreliable
 * inside an application server.
 */
public final class MariaDbConnectionFactory implements ConnectionFactory {

    private final ProbeSettings settings;
    private final Driver driver = new org.mariadb.jdbc.Driver();

    public MariaDbConnectionFactory(ProbeSettings settings) {
        this.settings = settings;
    }

    /** The JDBC URL for a key; IPv6 literals need brackets. */
    public String url(InstanceKey key) {
        String host = key.hostname().contains(":") ? "[" + key.hostname() + "]" : key.hostname();
        return "jdbc:mariadb://" + host + ":" + key.port() + "/"
                + "?connectTimeout=" + settings.connectTimeoutSeconds() * 1000
                + "&socketTimeout=" + settings.readTimeoutSeconds() * 1000
                + "&sslMode=disable"
                // MySQL 8 caching_sha2_password over a non-TLS link needs the server's RSA key
                + "&allowPublicKeyRetrieval=true"
                + "&tcpKeepAlive=true";
    }

    @Override
    public Connection open(InstanceKey key) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.topologyUser());
        props.setProperty("password", settings.topologyPassword());
        Connection connection = driver.connect(url(key), props);
        if (connection == null) {
            throw new SQLException("mariadb driver refused URL " + url(key));
        }
        return connection;
    }
}
