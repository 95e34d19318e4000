package org.orchestratoree.topology;

/** Where an instance runs; drives cross data center / region promotion constraints. */
public record Location(String dataCenter, String region, String physicalEnvironment) {
    public static final Location UNKNOWN = new Location("", "", "");
}
