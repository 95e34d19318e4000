package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.recovery.CandidateService;
import org.orchestratoree.recovery.DowntimeService;
import org.orchestratoree.recovery.EndDowntimeCommand;
import org.orchestratoree.topology.DurationText;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.PromotionRule;

/** Downtime and promotion rules of instances, with orchestrator's paths and messages. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DowntimeResource {

    @Inject
    DowntimeService downtimes;
    @Inject
    CandidateService candidates;
    @Inject
    InstanceRepository instances;
    @Inject
    ClusterDirectory clusters;
    @Inject
    InstanceViews views;
    @Inject
    Leadership leadership;

    @GET
    @Path("begin-downtime/{host}/{port}/{owner}/{reason}")
    public Response beginDowntime(@PathParam("host") String host, @PathParam("port") String port,
                                  @PathParam("owner") String owner, @PathParam("reason") String reason) {
        return begin(host, port, owner, reason, Duration.ZERO);
    }

    @GET
    @Path("begin-downtime/{host}/{port}/{owner}/{reason}/{duration}")
    public Response beginDowntime(@PathParam("host") String host, @PathParam("port") String port,
                                  @PathParam("owner") String owner, @PathParam("reason") String reason,
                                  @PathParam("duration") String duration) {
        return begin(host, port, owner, reason, parseDuration(duration));
    }

    private Response begin(String host, String port, String owner, String reason, Duration duration) {
        InstanceKey key = known(host, port);
        leadership.publish(downtimes.begin(key, owner, reason, duration, Instant.now()));
        return Envelope.ok("Downtime begun: " + key, InstanceJson.key(key));
    }

    /** Ending a downtime of an instance no longer known is allowed: it may have been forgotten meanwhile. */
    @GET
    @Path("end-downtime/{host}/{port}")
    public Response endDowntime(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        leadership.publish(new EndDowntimeCommand(key));
        return Envelope.ok("Downtime ended: " + key, InstanceJson.key(key));
    }

    @GET
    @Path("downtimed")
    public JsonArray downtimed() {
        return views.json(downtimes.downtimedInstances(null, Instant.now()));
    }

    @GET
    @Path("downtimed/{clusterHint}")
    public JsonArray downtimed(@PathParam("clusterHint") String hint) {
        return views.json(downtimes.downtimedInstances(clusters.resolve(hint), Instant.now()));
    }

    @GET
    @Path("register-candidate/{host}/{port}/{promotionRule}")
    public Response registerCandidate(@PathParam("host") String host, @PathParam("port") String port,
                                      @PathParam("promotionRule") String rule) {
        InstanceKey key = known(host, port);
        PromotionRule parsed;
        try {
            parsed = PromotionRule.parse(rule);
        } catch (IllegalArgumentException e) {
            throw new ApiException(e.getMessage());
        }
        leadership.publish(candidates.register(key, parsed, Instant.now()));
        return Envelope.ok("Registered candidate", InstanceJson.key(key));
    }

    private InstanceKey known(String host, String port) {
        InstanceKey key = InstanceViews.key(host, port);
        if (instances.find(key).isEmpty()) {
            throw new ApiException("Cannot read instance: " + key);
        }
        return key;
    }

    private static Duration parseDuration(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(e.getMessage());
        }
    }
}
