package org.orchestratoree.topology;

import java.util.Locale;

/** The server family; decides the SQL dialect and the GTID model. */
public enum Flavor {
    MYSQL("MySQL"), MARIADB("MariaDB"), PERCONA("Percona");

    private final String displayName;

    Flavor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Derives the flavor from {@code @@version} and {@code @@version_comment}. */
    public static Flavor of(String version, String versionComment) {
        String all = ((version == null ? "" : version) + " " + (versionComment == null ? "" : versionComment))
                .toLowerCase(Locale.ROOT);
        if (all.contains("mariadb")) {
            return MARIADB;
        }
        if (all.contains("percona")) {
            return PERCONA;
        }
        return MYSQL;
    }
}
