package org.orchestratoree.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks orchestrator's {@code DiscoverySeeds}: each entry names one server as {@code host:port} (an IPv6
 * literal in brackets). A malformed entry is a configuration error, so that a typo stops start-up instead of
 * leaving a topology undiscovered.
 */
final class DiscoverySeeds {

    private static final Pattern SEED = Pattern.compile("(\\[[0-9A-Fa-f:.%]+]|[A-Za-z0-9_.%-]+):([0-9]{1,5})");

    private DiscoverySeeds() {
    }

    /** The seeds, trimmed, each checked; the first malformed one is reported with the key and its value. */
    static List<String> parse(String key, List<String> entries) {
        List<String> seeds = new ArrayList<>();
        for (String entry : entries) {
            String seed = entry.strip();
            Matcher m = SEED.matcher(seed);
            if (!m.matches()) {
                throw new ConfigurationException(key + " = '" + entry + "' is not host:port");
            }
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                throw new ConfigurationException(key + " = '" + entry + "' has port " + port
                        + " out of range (1..65535)");
            }
            seeds.add(seed);
        }
        return List.copyOf(seeds);
    }
}
