package org.orchestratoree.recovery;

import org.orchestratoree.ha.Command;
import org.orchestratoree.topology.CandidateRegistration;

/** Record an instance's promotion rule, with the expiry fixed by the publisher. */
public record RegisterCandidateCommand(CandidateRegistration candidate) implements Command<Boolean> {
    @Override
    public String name() {
        return "register-candidate";
    }
}
