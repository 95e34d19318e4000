package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.DiscoveryMetrics;
import org.orchestratoree.ha.ConsensusGroup;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.ha.NodeIdentity;
import org.orchestratoree.node.NodeHeartbeat;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.NodeHealthRepository;

/** Load balancer and health checks, leader checks, configuration reload and discovery metrics. */
@jakarta.ws.rs.Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    Leadership leadership;
    @Inject
    NodeHeartbeat heartbeat;
    @Inject
    NodeHealthRepository nodeHealth;
    @Inject
    CurrentConfiguration configuration;
    @Inject
    AuditRepository audit;
    @Inject
    DiscoveryMetrics metrics;

    @GET
    @jakarta.ws.rs.Path("lb-check")
    public JsonValue lbCheck() {
        return Json.createValue("OK");
    }

    @GET
    @jakarta.ws.rs.Path("_ping")
    public JsonValue ping() {
        return lbCheck();
    }

    @GET
    @jakarta.ws.rs.Path("leader-check")
    public Response leaderCheck() {
        return leaderCheck("404");
    }

    @GET
    @jakarta.ws.rs.Path("leader-check/{code}")
    public Response leaderCheck(@PathParam("code") String code) {
        if (leadership.isLeader()) {
            return Response.ok(Json.createValue("OK")).build();
        }
        int status;
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            status = 404;
        }
        if (status < 100 || status > 599) {
            status = 404;
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Json.createValue("Not leader")).build();
    }

    /** Orchestrator's leader check that a healthy follower forwards to the leader (not node-local). */
    @GET
    @jakarta.ws.rs.Path("routed-leader-check")
    public Response routedLeaderCheck() {
        return leaderCheck("404");
    }

    @GET
    @jakarta.ws.rs.Path("health")
    public Response health() {
        String error = heartbeat.lastError();
        JsonObject details = healthStatus(error);
        if (error != null || !leadership.health().healthy()) {
            return Envelope.error(500, "Application node is unhealthy " + (error == null ? "" : error), details);
        }
        return Envelope.ok("Application node is healthy", details);
    }

    @GET
    @jakarta.ws.rs.Path("status")
    public Response status() {
        return health();
    }

    private JsonObject healthStatus(String error) {
        String hostname = NodeIdentity.hostname();
        JsonArrayBuilder available = Json.createArrayBuilder();
        try {
            nodeHealth.activeSince(System.currentTimeMillis() - 5_000).forEach(n -> available.add(
                    Json.createObjectBuilder().add("Hostname", n.hostname()).add("Token", n.token())
                            .add("AppVersion", n.appVersion())
                            .add("LastReported", Instant.ofEpochMilli(n.lastSeenActive()).toString())
                            .add("DBBackend", n.dbBackend())));
        } catch (RuntimeException e) {
            error = error == null ? e.getMessage() : error;
        }
        Optional<ConsensusGroup> group = leadership.consensus();
        JsonObjectBuilder active = Json.createObjectBuilder().add("Hostname", hostname).add("Token", heartbeat.token())
                .add("AppVersion", NodeHeartbeat.APP_VERSION);
        return Json.createObjectBuilder()
                .add("Healthy", error == null)
                .add("Hostname", hostname)
                .add("Token", heartbeat.token())
                .add("IsActiveNode", leadership.isLeader())
                .add("ActiveNode", active)
                .add("Error", error == null ? JsonValue.NULL : Json.createValue(error))
                .add("AvailableNodes", available)
                .add("RaftLeader", group.flatMap(ConsensusGroup::leaderAddress).orElse(""))
                .add("IsRaftLeader", group.isPresent() && leadership.isLeader())
                .add("RaftLeaderURI", group.flatMap(ConsensusGroup::leaderUri).orElse(""))
                .add("RaftAdvertise", group.map(ConsensusGroup::advertise).orElse(""))
                .add("RaftHealthyMembers", group.<JsonValue>map(g -> {
                    JsonArrayBuilder members = Json.createArrayBuilder();
                    g.healthyMembers().forEach(members::add);
                    return members.build();
                }).orElse(JsonValue.NULL))
                .build();
    }

    @GET
    @jakarta.ws.rs.Path("reload-configuration")
    public Response reloadConfiguration(@QueryParam("config") String extraFile) {
        Optional<java.nio.file.Path> extra = extraFile == null || extraFile.isBlank()
                ? Optional.empty() : Optional.of(java.nio.file.Path.of(extraFile));
        try {
            configuration.reload(extra);
        } catch (ConfigurationException e) {
            throw new ApiException("Config not reloaded: " + e.getMessage());
        }
        audit.append("reload-configuration", null, "", "Triggered via API" + extra.map(p -> " with " + p).orElse(""));
        return Envelope.ok("Config reloaded", Json.createValue(extraFile == null ? "" : extraFile));
    }

    @GET
    @jakarta.ws.rs.Path("discovery-metrics")
    public JsonObject discoveryMetrics() {
        DiscoveryMetrics.Snapshot s = metrics.snapshot();
        return Json.createObjectBuilder()
                .add("Probes", s.probes())
                .add("FailedProbes", s.failures())
                .add("UptimeSeconds", s.uptimeSeconds())
                .add("ProbeLatencyP50Millis", s.probeP50Millis())
                .add("ProbeLatencyP99Millis", s.probeP99Millis())
                .add("BackendWriteP50Millis", s.writeP50Millis())
                .add("BackendWriteP99Millis", s.writeP99Millis())
                .build();
    }
}
