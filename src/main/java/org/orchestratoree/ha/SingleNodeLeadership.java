package org.orchestratoree.ha;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.config.CurrentConfiguration;

/** The "no HA" strategy: one node, always the leader, applying its own commands at once. */
@ApplicationScoped
@Typed(SingleNodeLeadership.class)
public class SingleNodeLeadership implements Leadership {

    @Inject
    CommandApplier applier;

    @Inject
    CurrentConfiguration configuration;

    @Override
    public boolean isLeader() {
        return true;
    }

    @Override
    public Optional<String> leader() {
        return Optional.of(self());
    }

    @Override
    public <R> R publish(Command<R> command) {
        return applier.apply(command);
    }

    @Override
    public MembershipHealth health() {
        return new MembershipHealth(true, "single-node", List.of(self()));
    }

    private String self() {
        var listen = configuration.get().listenAddress();
        return (listen.host().isEmpty() ? NodeIdentity.hostname() : listen.host()) + ":" + listen.port();
    }
}
