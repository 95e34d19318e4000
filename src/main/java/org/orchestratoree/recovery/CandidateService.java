package org.orchestratoree.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.CandidateRepository;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.CandidateRegistration;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;

/** Promotion rules registered by operators (or by the hosts themselves), valid for CandidateInstanceExpireMinutes. */
@ApplicationScoped
public class CandidateService {

    @Inject
    CandidateRepository candidates;
    @Inject
    InstanceRepository instances;
    @Inject
    AuditRepository audit;
    @Inject
    CurrentConfiguration configuration;

    public RegisterCandidateCommand register(InstanceKey key, PromotionRule rule, Instant now) {
        return new RegisterCandidateCommand(new CandidateRegistration(key, rule, now,
                now.plus(configuration.get().recovery().candidateExpiry())));
    }

    public boolean apply(RegisterCandidateCommand command) {
        CandidateRegistration c = command.candidate();
        candidates.register(c);
        audit.append("register-candidate", c.key(), instances.find(c.key()).map(Instance::clusterName).orElse(""),
                c.rule().toString());
        return true;
    }

    public Optional<CandidateRegistration> find(InstanceKey key, Instant now) {
        return candidates.find(key, now);
    }

    public List<CandidateRegistration> active(Instant now) {
        return candidates.active(now);
    }
}
