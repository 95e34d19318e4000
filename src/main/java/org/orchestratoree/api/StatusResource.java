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
import org.orchestratoree.ha.ActiveNode;
import org.orchestratoree.ha.ConsensusGroup;
import org.orchestratoree.ha.MembershipHealth;
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
        MembershipHealth group = leadership.health();
        if (!group.healthy()) {
            // the group's reason (no Primary component, ...) says more than the failed write it causes
            error = group.problem();
        }
        JsonObject details = healthStatus(error);
        if (error != null) {
            return Envelope.error(500, "Application node is unhealthy: " + error, details);
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
                            .add("FirstSeenActive", Instant.ofEpochMilli(n.firstSeenActive()).toString())
                            .add("LastSeenActive", Instant.ofEpochMilli(n.lastSeenActive()).toString())
                            .add("ExtraInfo", "").add("Command", "")
                            .add("LastReported", Instant.ofEpochMilli(n.lastSeenActive()).toString())
                            .add("DBBackend", n.dbBackend())
                            .add("HTTPAdvertise", n.httpAddress())));
        } catch (RuntimeException e) {
            error = error == null ? e.getMessage() : error;
        }
        Optional<ConsensusGroup> group = leadership.consensus();
        JsonObjectBuilder active = leadership.activeNode().map(StatusResource::activeNode)
                .orElseGet(() -> leadership.isLeader() || group.isPresent()
                        ? Json.createObjectBuilder().add("Hostname", group.isPresent()
                                ? group.get().leaderAddress().orElse("") : hostname)
                                .add("Token", group.isPresent() ? "" : heartbeat.token())
                                .add("AppVersion", NodeHeartbeat.APP_VERSION)
                        : Json.createObjectBuilder().add("Hostname", "").add("Token", "").add("AppVersion", ""));
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

    private static JsonObjectBuilder activeNode(ActiveNode n) {
        return Json.createObjectBuilder().add("Hostname", n.hostname()).add("Token", n.token())
                .add("AppVersion", NodeHeartbeat.APP_VERSION)
                .add("FirstSeenActive", Instant.ofEpochMilli(n.firstSeenActive()).toString())
                .add("LastSeenActive", Instant.ofEpochMilli(n.lastSeenActive()).toString())
                .add("HTTPAdvertise", n.httpAddress());
    }

    /** Takes the lead on this node now (shared backend). */
    @GET
    @jakarta.ws.rs.Path("grab-election")
    public Response grabElection() {
        leadership.grabElection();
        audit.append("grab-election", null, "", "Triggered via API");
        return Envelope.ok("Node elected as leader", leadership.isLeader() ? JsonValue.TRUE : JsonValue.FALSE);
    }

    /** Gives up the lead so that the nodes elect again (shared backend). */
    @GET
    @jakarta.ws.rs.Path("reelect")
    public Response reelect() {
        leadership.reelect();
        audit.append("reelect", null, "", "Triggered via API");
        return Envelope.ok("Set re-elections", JsonValue.NULL);
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
