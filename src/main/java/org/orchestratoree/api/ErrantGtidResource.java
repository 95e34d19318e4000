package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.refactor.ErrantGtidCommand;
import org.orchestratoree.refactor.ErrantGtidService;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/**
 * Orchestrator's errant-GTID endpoints. Locating reads the servers; the two fixes change them and are published
 * through the leadership seam. Errant GTIDs themselves are the instance's GtidErrant field.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ErrantGtidResource {

    @Inject
    Leadership leadership;
    @Inject
    InstanceViews views;
    @Inject
    ErrantGtidService errantGtids;

    @GET
    @Path("locate-gtid-errant/{host}/{port}")
    public Response locate(@PathParam("host") String host, @PathParam("port") String port) {
        JsonArrayBuilder binlogs = Json.createArrayBuilder();
        errantGtids.locate(InstanceViews.key(host, port)).forEach(binlogs::add);
        return Envelope.ok("located errant GTID", binlogs.build());
    }

    @GET
    @Path("gtid-errant-reset-master/{host}/{port}")
    public Response resetMaster(@PathParam("host") String host, @PathParam("port") String port) {
        Instance instance = leadership.publish(new ErrantGtidCommand.ResetMaster(InstanceViews.key(host, port)));
        return Envelope.ok("Removed errant GTID on " + instance.key() + " and issued a RESET MASTER",
                views.json(instance));
    }

    @GET
    @Path("gtid-errant-inject-empty/{host}/{port}")
    public Response injectEmpty(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        ErrantGtidCommand.EmptyInjection done = leadership.publish(new ErrantGtidCommand.InjectEmpty(key));
        return Envelope.ok("Have injected " + done.count() + " transactions on cluster master " + done.clusterMaster(),
                views.json(done.instance()));
    }
}
