package org.orchestratoree.ha;

import java.io.Serializable;

/**
 * The rows a leader recorded outside the log, as it holds them: published so that every other member writes
 * the same rows. The member that published it already holds them and does not apply it again.
 *
 * @param origin the publishing member
 * @param changes the rows, opaque to the HA strategy
 */
public record RecordedOutcome(String origin, Serializable changes) implements Command<Void> {
    @Override
    public String name() {
        return "recorded-outcome";
    }
}
