package org.orchestratoree.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.DiscoverySettings;
import org.orchestratoree.recovery.CandidateService;
import org.orchestratoree.recovery.DowntimeService;
import org.orchestratoree.topology.CandidateRegistration;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceAnnotations;
import org.orchestratoree.topology.InstanceKey;

/** Renders instances for the API with the freshness rules of the current configuration. */
@ApplicationScoped
public class InstanceViews {

    @Inject
    CurrentConfiguration configuration;
    @Inject
    DowntimeService downtimes;
    @Inject
    CandidateService candidates;

    public JsonObject json(Instance instance) {
        Instant now = Instant.now();
        InstanceAnnotations annotations = new InstanceAnnotations(downtimes.find(instance.key(), now).orElse(null),
                candidates.find(instance.key(), now).orElse(null));
        return json(instance, annotations, now);
    }

    /** Many instances: downtimes and candidates are read once for all of them. */
    public JsonArray json(List<Instance> instances) {
        Instant now = Instant.now();
        Map<InstanceKey, Downtime> downtimed = new HashMap<>();
        downtimes.active(now).forEach(d -> downtimed.put(d.key(), d));
        Map<InstanceKey, CandidateRegistration> registered = new HashMap<>();
        candidates.active(now).forEach(c -> registered.put(c.key(), c));
        JsonArrayBuilder array = Json.createArrayBuilder();
        instances.forEach(i -> array.add(json(i, new InstanceAnnotations(downtimed.get(i.key()),
                registered.get(i.key())), now)));
        return array.build();
    }

    private JsonObject json(Instance instance, InstanceAnnotations annotations, Instant now) {
        DiscoverySettings d = configuration.get().discovery();
        return InstanceJson.of(instance, annotations, now, d.pollInterval(), d.reasonableReplicationLagSeconds());
    }

    /** Parses {@code :host/:port} path parameters, with orchestrator's wording on failure. */
    public static InstanceKey key(String host, String port) {
        if (host == null || host.isBlank()) {
            throw new ApiException("Empty hostname");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ApiException("Invalid port: " + port);
        }
        return new InstanceKey(host, p);
    }
}
