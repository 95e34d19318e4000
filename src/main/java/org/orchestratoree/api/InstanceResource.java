package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.orchestratoree.discovery.DiscoverCommand;
import org.orchestratoree.discovery.ForgetInstanceCommand;
import org.orchestratoree.ha.Leadership;
import org.orchestratoree.persistence.InstanceRepository;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;

/** Instance reads and the discover / refresh / forget actions. Paths and messages are orchestrator's. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {

    private static final Logger LOG = Logger.getLogger(InstanceResource.class.getName());

    @Inject
    InstanceRepository instances;
    @Inject
    InstanceViews views;
    @Inject
    Leadership leadership;
    @Resource
    ManagedExecutorService executor;

    @GET
    @Path("instance/{host}/{port}")
    public JsonObject instance(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        return views.json(known(key));
    }

    @GET
    @Path("instance-replicas/{host}/{port}")
    public JsonArray replicas(@PathParam("host") String host, @PathParam("port") String port) {
        return views.json(instances.findReplicasOf(InstanceViews.key(host, port)));
    }

    @GET
    @Path("all-instances")
    public JsonArray allInstances() {
        return views.json(instances.findAll());
    }

    @GET
    @Path("search")
    public JsonArray searchByQuery(@QueryParam("s") String text) {
        return views.json(instances.search(text == null ? "" : text.trim()));
    }

    @GET
    @Path("search/{text}")
    public JsonArray search(@PathParam("text") String text) {
        return searchByQuery(text);
    }

    @GET
    @Path("discover/{host}/{port}")
    public Response discover(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        Instance instance = leadership.publish(new DiscoverCommand(key));
        return Envelope.ok("Instance discovered: " + key, views.json(instance));
    }

    @GET
    @Path("async-discover/{host}/{port}")
    public Response asyncDiscover(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        executor.execute(() -> {
            try {
                leadership.publish(new DiscoverCommand(key));
            } catch (RuntimeException e) {
                LOG.warning("asynchronous discovery of " + key + " failed: " + e.getMessage());
            }
        });
        return Envelope.ok("Asynchronous discovery initiated for Instance: " + key);
    }

    @GET
    @Path("refresh/{host}/{port}")
    public Response refresh(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        leadership.publish(new DiscoverCommand(key));
        return Envelope.ok("Instance refreshed: " + key, InstanceJson.key(key));
    }

    @GET
    @Path("forget/{host}/{port}")
    public Response forget(@PathParam("host") String host, @PathParam("port") String port) {
        InstanceKey key = InstanceViews.key(host, port);
        if (!leadership.publish(new ForgetInstanceCommand(key))) {
            throw new ApiException("Cannot forget unknown instance: " + key);
        }
        return Envelope.ok("Instance forgotten: " + key, InstanceJson.key(key));
    }

    private Instance known(InstanceKey key) {
        return instances.find(key).orElseThrow(() -> new ApiException("Cannot read instance: " + key));
    }
}
