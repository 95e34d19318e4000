package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.recovery.MasterCommand;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.TopologyRecovery;

/**
 * Planned and manual master changes, on orchestrator's paths with its messages. Takeovers and forced failovers
 * answer the recovery (TopologyRecovery JSON, with SuccessorKey) as Details, also when it failed; recover
 * answers the promoted instance's key. Each is a command published through the leadership seam.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MasterTakeoverResource {

    @Inject
    Leadership leadership;
    @Inject
    ClusterDirectory clusters;
    @Inject
    CurrentConfiguration configuration;

    @GET
    @Path("{verb: graceful-master-takeover|graceful-master-takeover-auto}/{clusterHint}")
    public Response graceful(@PathParam("verb") String verb, @PathParam("clusterHint") String hint) {
        return graceful(verb, hint, null);
    }

    @GET
    @Path("{verb: graceful-master-takeover|graceful-master-takeover-auto}/{clusterHint}/{designatedHost}/{designatedPort}")
    public Response graceful(@PathParam("verb") String verb, @PathParam("clusterHint") String hint,
                             @PathParam("designatedHost") String host, @PathParam("designatedPort") String port) {
        return graceful(verb, hint, InstanceViews.key(host, port));
    }

    private Response graceful(String verb, String hint, InstanceKey designated) {
        boolean auto = verb.endsWith("-auto");
        TopologyRecovery r = leadership.publish(new MasterCommand.GracefulTakeover(clusters.resolve(hint), designated,
                auto));
        return answer(r, verb + ": successor promoted", verb + ": no successor promoted");
    }

    @GET
    @Path("force-master-failover/{clusterHint}")
    public Response forceFailover(@PathParam("clusterHint") String hint) {
        TopologyRecovery r = leadership.publish(new MasterCommand.ForceFailover(clusters.resolve(hint)));
        return answer(r, "Master failed over", "Master not failed over");
    }

    @GET
    @Path("force-master-takeover/{clusterHint}/{designatedHost}/{designatedPort}")
    public Response forceTakeover(@PathParam("clusterHint") String hint, @PathParam("designatedHost") String host,
                                  @PathParam("designatedPort") String port) {
        TopologyRecovery r = leadership.publish(new MasterCommand.ForceTakeover(clusters.resolve(hint),
                InstanceViews.key(host, port)));
        return answer(r, "Master failed over", "Master not failed over");
    }

    @GET
    @Path("{verb: recover|recover-lite}/{host}/{port}")
    public Response recover(@PathParam("verb") String verb, @PathParam("host") String host,
                            @PathParam("port") String port) {
        return recover(verb, InstanceViews.key(host, port), null);
    }

    @GET
    @Path("{verb: recover|recover-lite}/{host}/{port}/{candidateHost}/{candidatePort}")
    public Response recover(@PathParam("verb") String verb, @PathParam("host") String host,
                            @PathParam("port") String port, @PathParam("candidateHost") String candidateHost,
                            @PathParam("candidatePort") String candidatePort) {
        return recover(verb, InstanceViews.key(host, port), InstanceViews.key(candidateHost, candidatePort));
    }

    private Response recover(String verb, InstanceKey key, InstanceKey candidate) {
        TopologyRecovery r = leadership.publish(new MasterCommand.Recover(key, candidate, verb.endsWith("-lite")));
        if (!r.successful() || r.successor() == null) {
            return Envelope.error(500, withErrors("Recovery attempted but no instance promoted", r),
                    InstanceJson.key(key));
        }
        return Envelope.ok("Recovery executed on " + key, InstanceJson.key(r.successor()));
    }

    private Response answer(TopologyRecovery r, String success, String failure) {
        var details = RecoveryJson.recovery(r, configuration.get().recovery());
        if (!r.successful() || r.successor() == null) {
            return Envelope.error(500, withErrors(failure, r), details);
        }
        return Envelope.ok(success, details);
    }

    private static String withErrors(String message, TopologyRecovery r) {
        return r.allErrors().isEmpty() ? message : message + ": " + String.join("; ", r.allErrors());
    }
}
