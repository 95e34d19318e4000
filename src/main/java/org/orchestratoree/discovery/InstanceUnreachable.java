package org.orchestratoree.discovery;

import org.orchestratoree.topology.InstanceKey;

/**
 * CDI event: a known instance with replicas just failed its probe. Its replicas are being re-probed at once;
 * failure detection listens so that it looks at the cluster again without waiting for its next pass.
 */
public record InstanceUnreachable(InstanceKey key, String clusterName) {
}
