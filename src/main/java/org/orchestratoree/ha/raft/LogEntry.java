package org.orchestratoree.ha.raft;

import java.io.Serializable;
import org.orchestratoree.ha.Command;

/**
 * One entry of the raft log: a command, and who published it under which number, so that the publishing
 * member can hand the result of its own application back to the caller.
 */
record LogEntry(String origin, long number, Command<?> command) implements Serializable {
}
