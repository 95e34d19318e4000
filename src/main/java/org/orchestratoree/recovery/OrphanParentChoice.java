package org.orchestratoree.recovery;

import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.Instance;

/**
 * Where the replicas of a dead intermediate master may go: a sibling of it when one qualifies, and the dead
 * intermediate master's own master as the fallback (also for replicas the sibling fails to take).
 *
 * @param skipped each sibling passed over, with the reason
 */
public record OrphanParentChoice(Optional<Instance> sibling, Optional<Instance> master, List<String> skipped) {

    public OrphanParentChoice {
        skipped = List.copyOf(skipped);
    }

    /** The parent tried first, if any can be tried at all. */
    public Optional<Instance> firstChoice() {
        return sibling.isPresent() ? sibling : master;
    }
}
