package org.orchestratoree.ha;

/**
 * The node that leads, as the HA strategy knows it.
 *
 * @param httpAddress the URL of its API (HTTPAdvertise)
 * @param firstSeenActive when it took the lead (epoch ms)
 * @param lastSeenActive when it last renewed its lead (epoch ms)
 */
public record ActiveNode(String hostname, String token, String httpAddress, long firstSeenActive,
                         long lastSeenActive) {
}
