package org.orchestratoree.ha;

import java.io.Serializable;

/**
 * A change to the node's state that an HA group must agree on: discover, forget, downtime, KV write, ...
 * Every mutation goes through {@link Leadership#publish(Command)} so that a consensus strategy can replicate
 * it to every node, where it is applied locally. Commands are plain serializable values.
 *
 * @param <R> what applying the command returns on the node that published it
 */
public interface Command<R> extends Serializable {

    /** A short name for logs and the audit, e.g. {@code discover}. */
    String name();
}
