package org.orchestratoree.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orchestratoree.topology.CandidateRegistration;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;

/** {@code candidate_database_instance}: the latest promotion rule registered per instance, until it expires. */
public final class CandidateRepository {

    private static final String SELECT = "SELECT hostname, port, promotion_rule, last_suggested, expires "
            + "FROM candidate_database_instance WHERE expires > ?";

    private final Backend backend;
    private final String upsert;

    public CandidateRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("candidate_database_instance", List.of("hostname", "port"),
                List.of("hostname", "port", "promotion_rule", "last_suggested", "expires"));
    }

    public void register(CandidateRegistration candidate) {
        Jdbc.update(backend, "register candidate " + candidate.key(), upsert, candidate.key().hostname(),
                candidate.key().port(), candidate.rule().toString(), candidate.registeredAt().toEpochMilli(),
                candidate.expiresAt().toEpochMilli());
    }

    public Optional<CandidateRegistration> find(InstanceKey key, Instant now) {
        return Jdbc.query(backend, "read candidate " + key, SELECT + " AND hostname = ? AND port = ?",
                CandidateRepository::read, now.toEpochMilli(), key.hostname(), key.port()).stream().findFirst();
    }

    public List<CandidateRegistration> active(Instant now) {
        return Jdbc.query(backend, "read candidates", SELECT + " ORDER BY hostname, port",
                CandidateRepository::read, now.toEpochMilli());
    }

    /** The rule of every instance with an active registration; instances not in the map are neutral. */
    public Map<InstanceKey, PromotionRule> rules(Instant now) {
        Map<InstanceKey, PromotionRule> rules = new LinkedHashMap<>();
        active(now).forEach(c -> rules.put(c.key(), c.rule()));
        return rules;
    }

    public int deleteExpired(Instant now) {
        return Jdbc.update(backend, "expire candidates", "DELETE FROM candidate_database_instance WHERE expires <= ?",
                now.toEpochMilli());
    }

    private static CandidateRegistration read(ResultSet rs) throws SQLException {
        return new CandidateRegistration(new InstanceKey(rs.getString("hostname"), rs.getInt("port")),
                PromotionRule.parse(rs.getString("promotion_rule")),
                Instant.ofEpochMilli(rs.getLong("last_suggested")), Instant.ofEpochMilli(rs.getLong("expires")));
    }
}
