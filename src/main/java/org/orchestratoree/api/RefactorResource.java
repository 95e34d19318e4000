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
import org.orchestratoree.refactor.TopologyCommand;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Operator-driven topology changes. Paths, messages and the moved instance as Details are orchestrator's;
 * each change is a command published through the leadership seam.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefactorResource {

    @Inject
    Leadership leadership;
    @Inject
    InstanceViews views;

    @GET
    @Path("relocate/{host}/{port}/{belowHost}/{belowPort}")
    public Response relocate(@PathParam("host") String host, @PathParam("port") String port,
                             @PathParam("belowHost") String belowHost, @PathParam("belowPort") String belowPort) {
        InstanceKey key = InstanceViews.key(host, port);
        InstanceKey below = InstanceViews.key(belowHost, belowPort);
        return answer("Instance " + key + " relocated below " + below, new TopologyCommand.Relocate(key, below));
    }

    @GET
    @Path("move-up/{host}/{port}")
    public Response moveUp(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        return answer("Instance " + key + " moved up", new TopologyCommand.MoveUp(key));
    }

    @GET
    @Path("repoint/{host}/{port}/{belowHost}/{belowPort}")
    public Response repoint(@PathParam("host") String host, @PathParam("port") String port,
                            @PathParam("belowHost") String belowHost, @PathParam("belowPort") String belowPort) {
        InstanceKey key = InstanceViews.key(host, port);
        InstanceKey below = InstanceViews.key(belowHost, belowPort);
        return answer("Instance " + key + " repointed below " + below, new TopologyCommand.Repoint(key, below));
    }

    /** Re-points a replica at its current master (e.g. to switch it to GTID auto-positioning). */
    @GET
    @Path("repoint/{host}/{port}")
    public Response repointToCurrentMaster(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        Instance moved = leadership.publish(new TopologyCommand.Repoint(key, null));
        return Envelope.ok("Instance " + key + " repointed below " + moved.snapshot().masterKey(), views.json(moved));
    }

    @GET
    @Path("{verb: start-replica|start-slave}/{host}/{port}")
    public Response startReplica(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        return answer("Replica started: " + key, new TopologyCommand.StartReplica(key));
    }

    @GET
    @Path("{verb: stop-replica|stop-slave}/{host}/{port}")
    public Response stopReplica(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        return answer("Replica stopped: " + key, new TopologyCommand.StopReplica(key));
    }

    @GET
    @Path("set-read-only/{host}/{port}")
    public Response setReadOnly(@PathParam("host") String host, @PathParam("port") String port) {
        return answer("Server set as read-only", new TopologyCommand.SetReadOnly(InstanceViews.key(host, port), true));
    }

    @GET
    @Path("set-writeable/{host}/{port}")
    public Response setWriteable(@PathParam("host") String host, @PathParam("port") String port) {
        return answer("Server set as writeable", new TopologyCommand.SetReadOnly(InstanceViews.key(host, port), false));
    }

    private Response answer(String message, TopologyCommand command) {
        return Envelope.ok(message, views.json(leadership.publish(command)));
    }
}
