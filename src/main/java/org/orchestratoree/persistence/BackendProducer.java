package org.orchestratoree.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.orchestratoree.config.BackendSettings;

/**
 * Owns the node's backend for the life of the application and hands out its repositories. The backend is
 * opened once, at start-up, by {@link #open(BackendSettings)}; the type and location of a backend are not
 * reloadable.
 */
@ApplicationScoped
public class BackendProducer {

    private volatile Backend backend;

    /** Opens and migrates the backend. Throws {@link BackendUnavailableException} if it cannot. */
    public synchronized Backend open(BackendSettings settings) {
        if (backend == null) {
            Backend opened = Backend.open(settings);
            new SchemaMigrations(opened).migrate();
            backend = opened;
        }
        return backend;
    }

    public Backend backend() {
        Backend current = backend;
        if (current == null) {
            throw new BackendUnavailableException("the backend is not open yet");
        }
        return current;
    }

    @Produces
    @Singleton
    InstanceRepository instances() {
        return new InstanceRepository(backend());
    }

    @Produces
    @Singleton
    AuditRepository audit() {
        return new AuditRepository(backend());
    }

    @Produces
    @Singleton
    ClusterAliasRepository aliases() {
        return new ClusterAliasRepository(backend());
    }

    @Produces
    @Singleton
    ClusterDomainRepository domains() {
        return new ClusterDomainRepository(backend());
    }

    @Produces
    @Singleton
    ActiveNodeRepository activeNode() {
        return new ActiveNodeRepository(backend());
    }

    @Produces
    @Singleton
    NodeHealthRepository nodeHealth() {
        return new NodeHealthRepository(backend());
    }

    @Produces
    @Singleton
    DowntimeRepository downtimes() {
        return new DowntimeRepository(backend());
    }

    @Produces
    @Singleton
    CandidateRepository candidates() {
        return new CandidateRepository(backend());
    }

    @Produces
    @Singleton
    RecoveryRepository recoveries() {
        return new RecoveryRepository(backend());
    }

    @Produces
    @Singleton
    FailureDetectionRepository failureDetections() {
        return new FailureDetectionRepository(backend());
    }

    @Produces
    @Singleton
    BlockedRecoveryRepository blockedRecoveries() {
        return new BlockedRecoveryRepository(backend());
    }

    @Produces
    @Singleton
    GlobalRecoveryRepository globalRecovery() {
        return new GlobalRecoveryRepository(backend());
    }

    @Produces
    @Singleton
    KvRepository kvEntries() {
        return new KvRepository(backend());
    }

    @PreDestroy
    void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
