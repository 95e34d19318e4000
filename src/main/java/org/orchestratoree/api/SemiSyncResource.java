package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.refactor.SemiSyncCommand;

/** Orchestrator's semi-sync switches; Details is the instance as re-probed afterwards. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SemiSyncResource {

    @Inject
    Leadership leadership;
    @Inject
    InstanceViews views;

    @GET
    @Path("enable-semi-sync-master/{host}/{port}")
    public Response enableMaster(@PathParam("host") String host, @PathParam("port") String port) {
        return set(host, port, SemiSyncCommand.Side.MASTER, true);
    }

    @GET
    @Path("disable-semi-sync-master/{host}/{port}")
    public Response disableMaster(@PathParam("host") String host, @PathParam("port") String port) {
        return set(host, port, SemiSyncCommand.Side.MASTER, false);
    }

    @GET
    @Path("enable-semi-sync-replica/{host}/{port}")
    public Response enableReplica(@PathParam("host") String host, @PathParam("port") String port) {
        return set(host, port, SemiSyncCommand.Side.REPLICA, true);
    }

    @GET
    @Path("disable-semi-sync-replica/{host}/{port}")
    public Response disableReplica(@PathParam("host") String host, @PathParam("port") String port) {
        return set(host, port, SemiSyncCommand.Side.REPLICA, false);
    }

    private Response set(String host, String port, SemiSyncCommand.Side side, boolean enable) {
        SemiSyncCommand command = new SemiSyncCommand(InstanceViews.key(host, port), side, enable);
        return Envelope.ok((side == SemiSyncCommand.Side.MASTER ? "master" : "replica") + " semi-sync set to " + enable,
                views.json(leadership.publish(command)));
    }
}
