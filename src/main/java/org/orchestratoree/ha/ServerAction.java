package org.orchestratoree.ha;

/**
 * A command that acts on MySQL servers (a move, a promotion, a read-only switch, ...). Unlike a record of
 * state, it must run exactly once in the whole group, on the leader: an HA strategy executes it there and
 * lets the other members learn only what it recorded, never re-running it.
 *
 * @param <R> what executing the action returns on the leader
 */
public interface ServerAction<R> extends Command<R> {
}
