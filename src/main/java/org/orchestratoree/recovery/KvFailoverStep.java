package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.orchestratoree.kv.KvPublisher;
import org.orchestratoree.topology.InstanceKey;

/**
 * After a master is replaced, publishes the successor to the KV stores and records the outcome in the
 * recovery's steps. A store failure is recorded, never thrown: proxies lagging is better than a failover
 * reported failed, and the periodic KV check writes the store again once it is back.
 */
@ApplicationScoped
public class KvFailoverStep {

    @Inject
    KvPublisher publisher;
    @Inject
    RecoveryJournal journal;

    public void publish(String uid, String clusterAlias, InstanceKey successor) {
        String line;
        try {
            line = publisher.publishSuccessor(clusterAlias, successor).describe();
        } catch (RuntimeException e) {
            line = "kv: not written: " + e.getMessage();
        }
        journal.step(uid, line);
    }
}
