package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.recovery.AckRecoveryCommand;
import org.orchestratoree.recovery.GlobalRecoveriesCommand;
import org.orchestratoree.recovery.RecoveryStateService;
import org.orchestratoree.topology.InstanceKey;

/**
 * Acknowledging recoveries (a comment is required, as in orchestrator) and the global recovery switch.
 * The acknowledging user is the authenticated one, else orchestrator's default maintenance owner.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryAckResource {

    /** Orchestrator's MaintenanceOwner default, used when the request carries no user. */
    static final String DEFAULT_OWNER = "orchestrator";

    @Inject
    RecoveryStateService state;
    @Inject
    ClusterDirectory clusters;
    @Inject
    Leadership leadership;
    @Context
    SecurityContext security;

    @GET
    @Path("ack-recovery/cluster/{clusterHint}")
    public Response ackCluster(@PathParam("clusterHint") String hint, @QueryParam("comment") String comment) {
        return acknowledgeCluster(clusters.resolve(hint), comment);
    }

    @GET
    @Path("ack-recovery/cluster/alias/{alias}")
    public Response ackClusterByAlias(@PathParam("alias") String alias, @QueryParam("comment") String comment) {
        return acknowledgeCluster(clusters.resolveAlias(alias), comment);
    }

    private Response acknowledgeCluster(String clusterName, String comment) {
        String text = comment(comment);
        String alias = clusters.clusterInfo(clusterName).clusterAlias();
        leadership.publish(AckRecoveryCommand.cluster(clusterName, alias, owner(), text, Instant.now()));
        return Envelope.ok("Acknowledged cluster recoveries", Json.createValue(clusterName));
    }

    @GET
    @Path("ack-recovery/instance/{host}/{port}")
    public Response ackInstance(@PathParam("host") String host, @PathParam("port") String port,
                                @QueryParam("comment") String comment) {
        InstanceKey key = InstanceViews.key(host, port);
        leadership.publish(AckRecoveryCommand.instance(key, owner(), comment(comment), Instant.now()));
        return Envelope.ok("Acknowledged instance recoveries", InstanceJson.key(key));
    }

    @GET
    @Path("ack-recovery/{recoveryId}")
    public Response ackById(@PathParam("recoveryId") String recoveryId, @QueryParam("comment") String comment) {
        long id;
        try {
            id = Long.parseLong(recoveryId);
        } catch (NumberFormatException e) {
            throw new ApiException("strconv.ParseInt: parsing \"" + recoveryId + "\": invalid syntax");
        }
        leadership.publish(AckRecoveryCommand.byId(id, owner(), comment(comment), Instant.now()));
        return Envelope.ok("Acknowledged recovery", Json.createValue(recoveryId));
    }

    @GET
    @Path("ack-recovery/uid/{uid}")
    public Response ackByUid(@PathParam("uid") String uid, @QueryParam("comment") String comment) {
        leadership.publish(AckRecoveryCommand.byUid(uid, owner(), comment(comment), Instant.now()));
        return Envelope.ok("Acknowledged recovery", Json.createValue(uid));
    }

    @GET
    @Path("ack-all-recoveries")
    public Response ackAll(@QueryParam("comment") String comment) {
        String text = comment(comment);
        leadership.publish(AckRecoveryCommand.all(owner(), text, Instant.now()));
        return Envelope.ok("Acknowledged all recoveries", Json.createValue(text));
    }

    @GET
    @Path("disable-global-recoveries")
    public Response disableGlobalRecoveries() {
        leadership.publish(new GlobalRecoveriesCommand(false));
        return Envelope.ok("Globally disabled recoveries", Json.createValue("disabled"));
    }

    @GET
    @Path("enable-global-recoveries")
    public Response enableGlobalRecoveries() {
        leadership.publish(new GlobalRecoveriesCommand(true));
        return Envelope.ok("Globally enabled recoveries", Json.createValue("enabled"));
    }

    @GET
    @Path("check-global-recoveries")
    public Response checkGlobalRecoveries() {
        String details = state.globalRecoveriesDisabled() ? "disabled" : "enabled";
        return Envelope.ok("Global recoveries " + details, Json.createValue(details));
    }

    /** Checked before anything is published, so a missing comment changes nothing. */
    private static String comment(String comment) {
        String text = comment == null ? "" : comment.trim();
        if (text.isEmpty()) {
            throw new ApiException("No acknowledge comment given");
        }
        return text;
    }

    private String owner() {
        if (security != null && security.getUserPrincipal() != null) {
            return security.getUserPrincipal().getName();
        }
        return DEFAULT_OWNER;
    }
}
