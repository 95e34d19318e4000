package org.orchestratoree.recovery;

import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.Instance;

/** The replica chosen to replace a failed master, and why each other replica was passed over. */
public record CandidateChoice(Optional<Instance> candidate, List<String> skipped) {
    public CandidateChoice {
        skipped = List.copyOf(skipped);
    }
}
