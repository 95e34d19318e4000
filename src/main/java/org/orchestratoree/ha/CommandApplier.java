package org.orchestratoree.ha;

/** Applies a committed command to this node's own state; each HA strategy calls it on every node. */
public interface CommandApplier {
    <R> R apply(Command<R> command);
}
