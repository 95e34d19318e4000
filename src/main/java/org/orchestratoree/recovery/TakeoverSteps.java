package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.config.FailoverConfiguration;
import org.orchestratoree.refactor.ReplicationCredentialSources;
import org.orchestratoree.refactor.ReplicationCredentials;
import org.orchestratoree.refactor.ReplicationCredentialsLookup;
import org.orchestratoree.refactor.TopologyOperationException;
import org.orchestratoree.refactor.TopologyOperations;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.RecoveryOutcome;

/**
 * The server changes of a graceful master takeover, each journaled. Siblings move below the target first,
 * while the master still takes writes, so a refusal there changes nothing that matters. Then the master goes
 * read-only, the target catches up with its frozen GTID position, is detached and opened for writes. Until
 * the target is writable any failure is undone: the master is writable again. After that nothing is undone,
 * since two writable masters are worse than a demoted master left unconfigured; such errors are recorded.
 */
@ApplicationScoped
public class TakeoverSteps {

    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    @Inject
    TopologyOperations operations;
    @Inject
    RecoveryJournal journal;
    @Inject
    ReplicationCredentialsLookup credentialLookup;

    public RecoveryOutcome run(String uid, Instance master, Instance target, List<Instance> siblings, boolean auto,
                               FailoverConfiguration f) {
        InstanceKey m = master.key();
        InstanceKey t = target.key();
        List<InstanceKey> participating = new ArrayList<>(List.of(m, t));
        siblings.forEach(s -> participating.add(s.key()));
        // read before anything changes: detaching the target erases what it replicates with
        List<InstanceKey> donors = new ArrayList<>(participating.subList(1, participating.size()));
        Optional<ReplicationCredentials> credentials = credentialsOf(uid, m, donors);
        for (Instance sibling : siblings) {
            try {
                operations.repoint(sibling.key(), t);
                journal.step(uid, "relocated " + sibling.key() + " below " + t);
            } catch (RuntimeException e) {
                return failed(participating, "Designated instance " + t + " cannot take over all of its siblings: "
                        + e.getMessage());
            }
        }
        try {
            operations.setReadOnly(m, true);
            journal.step(uid, "set " + m + " read-only");
        } catch (RuntimeException e) {
            return failed(participating, "cannot set " + m + " read-only: " + e.getMessage());
        }
        boolean detached = false;
        try {
            String frozen = operations.gtidPosition(m);
            awaitCatchUp(t, frozen, master.snapshot().version().flavor() == Flavor.MARIADB);
            journal.step(uid, t + " applied everything " + m + " executed (" + frozen + ")");
            operations.detachReplication(t);
            detached = true;
            journal.step(uid, "detached " + t + " from " + m);
            operations.setReadOnly(t, false);
            journal.step(uid, "set " + t + " writable");
        } catch (RuntimeException e) {
            String error = e.getMessage();
            journal.step(uid, "takeover failed, undoing: " + error);
            List<String> errors = new ArrayList<>(List.of(error));
            undo(uid, m, t, detached, credentials, errors);
            return new RecoveryOutcome(false, null, "", List.of(), participating, errors);
        }
        List<String> errors = new ArrayList<>();
        try {
            operations.pointAt(m, t, credentials, auto);
            journal.step(uid, "pointed " + m + " at " + t + (auto ? " and started replication" : "; replication not started"));
        } catch (RuntimeException e) {
            errors.add("cannot point " + m + " at " + t + ": " + e.getMessage());
            journal.step(uid, errors.get(0));
        }
        return new RecoveryOutcome(true, t, t.toString(), List.of(), participating, errors);
    }

    private Optional<ReplicationCredentials> credentialsOf(String uid, InstanceKey server, List<InstanceKey> donors) {
        Optional<ReplicationCredentialSources.Found> found = credentialLookup.find(donors);
        journal.step(uid, ReplicationCredentialsLookup.describe(server, found));
        return found.map(ReplicationCredentialSources.Found::credentials);
    }

    /** Waits until the target executed the master's frozen position; a timeout fails the takeover. */
    private void awaitCatchUp(InstanceKey target, String frozen, boolean mariaDb) {
        Instant deadline = Instant.now().plus(CATCH_UP_TIMEOUT);
        String position = operations.gtidPosition(target);
        while (!GtidCatchUp.covers(position, frozen, mariaDb)) {
            if (!Instant.now().isBefore(deadline)) {
                throw new TopologyOperationException(target, "did not reach the master's position " + frozen
                        + " within " + CATCH_UP_TIMEOUT.toSeconds() + " s (at " + position + ")");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopologyOperationException(target, "interrupted while catching up");
            }
            position = operations.gtidPosition(target);
        }
    }

    /** Back to the old master: the target read-only below it again, then the master writable. */
    private void undo(String uid, InstanceKey m, InstanceKey t, boolean detached,
                      Optional<ReplicationCredentials> credentials, List<String> errors) {
        attempt(uid, errors, "set " + t + " read-only", () -> operations.setReadOnly(t, true));
        if (detached) {
            attempt(uid, errors, "pointed " + t + " at " + m + " again",
                    () -> operations.pointAt(t, m, credentials, true));
        }
        attempt(uid, errors, "set " + m + " writable again", () -> operations.setReadOnly(m, false));
    }

    private void attempt(String uid, List<String> errors, String what, Runnable action) {
        try {
            action.run();
            journal.step(uid, what);
        } catch (RuntimeException e) {
            errors.add("not " + what + ": " + e.getMessage());
            journal.step(uid, "not " + what + ": " + e.getMessage());
        }
    }

    private static RecoveryOutcome failed(List<InstanceKey> participating, String error) {
        return new RecoveryOutcome(false, null, "", List.of(), participating, List.of(error));
    }
}
