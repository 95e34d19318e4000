package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.ConsensusGroup;
import org.orchestratoree.ha.Leadership;

/** Orchestrator's raft endpoints, answered by this member about itself (never forwarded). */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RaftResource {

    @Inject
    Leadership leadership;

    private ConsensusGroup group(String endpoint) {
        return leadership.consensus()
                .orElseThrow(() -> new ApiException(endpoint + ": not running with raft setup"));
    }

    @GET
    @Path("raft-state")
    public JsonValue state() {
        return Json.createValue(group("raft-state").state());
    }

    @GET
    @Path("raft-leader")
    public JsonValue leader() {
        return Json.createValue(group("raft-leader").leaderAddress().orElse(""));
    }

    @GET
    @Path("raft-health")
    public Response health() {
        if (!group("raft-state").healthy()) {
            return Envelope.error("unhealthy");
        }
        return Response.ok(Json.createValue("healthy")).build();
    }

    @GET
    @Path("raft-peers")
    public JsonValue peers() {
        JsonArrayBuilder peers = Json.createArrayBuilder();
        group("raft-nodes").peers().forEach(peers::add);
        return peers.build();
    }

    @GET
    @Path("raft-status")
    public JsonValue status() {
        ConsensusGroup g = group("raft-state");
        JsonArrayBuilder peers = Json.createArrayBuilder();
        g.peers().forEach(peers::add);
        return Json.createObjectBuilder()
                .add("RaftBind", g.bind())
                .add("RaftAdvertise", g.advertise())
                .add("State", g.state())
                .add("Healthy", g.healthy())
                .add("IsPartOfQuorum", g.healthy())
                .add("Leader", g.leaderAddress().orElse(""))
                .add("LeaderURI", g.leaderUri().orElse(""))
                .add("Peers", peers)
                .build();
    }

    @GET
    @Path("raft-snapshot")
    public JsonValue snapshot() {
        try {
            group("raft-leader").snapshot();
        } catch (CommandFailedException e) {
            throw new ApiException(e.getMessage());
        }
        return Json.createValue("snapshot created");
    }

    @GET
    @Path("raft-yield/{node}")
    public Response yield(@PathParam("node") String node) {
        group("raft-yield").yieldTo(node);
        return Envelope.ok("Asynchronously yielded");
    }

    @GET
    @Path("raft-yield-hint/{hint}")
    public Response yieldHint(@PathParam("hint") String hint) {
        group("raft-yield-hint").yieldTo(hint);
        return Envelope.ok("Asynchronously yielded by hint " + hint, Json.createValue(hint));
    }

    @GET
    @Path("raft-add-peer/{addr}")
    public JsonValue addPeer(@PathParam("addr") String addr) {
        ConsensusGroup g = group("raft-add-peer");
        try {
            return Json.createValue(g.addPeer(addr));
        } catch (RuntimeException e) {
            throw new ApiException("Cannot add raft peer: " + e.getMessage());
        }
    }

    @GET
    @Path("raft-remove-peer/{addr}")
    public JsonValue removePeer(@PathParam("addr") String addr) {
        ConsensusGroup g = group("raft-remove-peer");
        try {
            return Json.createValue(g.removePeer(addr));
        } catch (RuntimeException e) {
            throw new ApiException("Cannot remove raft peer: " + e.getMessage());
        }
    }
}
