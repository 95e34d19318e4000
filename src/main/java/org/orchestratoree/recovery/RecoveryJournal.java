package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.orchestratoree.persistence.RecoveryRepository;

/** Writes the steps of a recovery, one line each, to its record and to the log. */
@ApplicationScoped
public class RecoveryJournal {

    private static final Logger LOG = Logger.getLogger(RecoveryJournal.class.getName());

    @Inject
    RecoveryRepository recoveries;

    public void step(String uid, String message) {
        LOG.info("recovery " + uid + ": " + message);
        try {
            recoveries.addStep(uid, message, Instant.now());
        } catch (RuntimeException e) {
            // a recovery must go on even when its journal cannot be written
            LOG.warning("recovery " + uid + ": step not recorded (" + e.getMessage() + "): " + message);
        }
    }
}
