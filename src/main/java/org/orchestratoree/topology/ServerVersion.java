package org.orchestratoree.topology;

/** {@code @@version} and {@code @@version_comment}, with the flavor and numeric parts derived from them. */
public record ServerVersion(String version, String versionComment, Flavor flavor) {

    public static final ServerVersion UNKNOWN = new ServerVersion("", "", Flavor.MYSQL);

    public static ServerVersion of(String version, String versionComment) {
        return new ServerVersion(version, versionComment, Flavor.of(version, versionComment));
    }

    public int major() {
        return part(0);
    }

    public int minor() {
        return part(1);
    }

    /** True when this server is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return major() > major || (major() == major && minor() >= minor);
    }

    /** Short form used in topology listings, e.g. {@code 10.11.6-MariaDB-log}. */
    public String shortVersion() {
        return version == null ? "" : version;
    }

    private int part(int index) {
        if (version == null) {
            return 0;
        }
        String[] parts = version.split("[.-]");
        if (parts.length <= index) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[index]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
