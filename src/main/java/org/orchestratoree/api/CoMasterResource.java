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
import org.orchestratoree.refactor.MakeCoMasterCommand;
import org.orchestratoree.refactor.RelocateReplicasCommand;
import org.orchestratoree.refactor.RelocatedReplicas;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/** Changes that move several replication links at once: make-co-master and relocate-replicas. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoMasterResource {

    @Inject
    Leadership leadership;
    @Inject
    InstanceViews views;

    @GET
    @Path("make-co-master/{host}/{port}")
    public Response makeCoMaster(@PathParam("host") String host, @PathParam("port") String port) {
        Instance instance = leadership.publish(new MakeCoMasterCommand(InstanceViews.key(host, port)));
        return Envelope.ok("Instance made co-master: " + instance.key(), views.json(instance));
    }

    /** Details lists the replicas that moved; the message counts them and quotes the errors of those that did not. */
    @GET
    @Path("relocate-replicas/{host}/{port}/{belowHost}/{belowPort}")
    public Response relocateReplicas(@PathParam("host") String host, @PathParam("port") String port,
                                     @PathParam("belowHost") String belowHost, @PathParam("belowPort") String belowPort) {
        InstanceKey key = InstanceViews.key(host, port);
        InstanceKey below = InstanceViews.key(belowHost, belowPort);
        RelocatedReplicas result = leadership.publish(new RelocateReplicasCommand(key, below));
        return Envelope.ok("Relocated " + result.relocated().size() + " replicas of " + key + " below " + below + "; "
                + result.errors().size() + " errors: [" + String.join(" ", result.errors()) + "]",
                views.json(result.relocated()));
    }
}
