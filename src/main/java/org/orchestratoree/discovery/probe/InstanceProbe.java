package org.orchestratoree.discovery.probe;

import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.InstanceSnapshot;

/** Reads one server into an immutable snapshot. */
@FunctionalInterface
public interface InstanceProbe {
    InstanceSnapshot probe(InstanceKey key) throws ProbeException;
}
