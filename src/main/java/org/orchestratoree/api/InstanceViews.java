package org.orchestratoree.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.DiscoverySettings;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/** Renders instances for the API with the freshness rules of the current configuration. */
@ApplicationScoped
public class InstanceViews {

    @Inject
    CurrentConfiguration configuration;

    public JsonObject json(Instance instance) {
        DiscoverySettings d = configuration.get().discovery();
        return InstanceJson.of(instance, Instant.now(), d.pollInterval(), d.reasonableReplicationLagSeconds());
    }

    public JsonArray json(List<Instance> instances) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        instances.forEach(i -> array.add(json(i)));
        return array.build();
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
