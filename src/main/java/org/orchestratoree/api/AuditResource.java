package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.topology.InstanceKey;

/** The audit trail, 20 entries a page, newest first, as orchestrator pages it. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int PAGE_SIZE = 20;

    @Inject
    AuditRepository audit;

    @GET
    @Path("audit")
    public JsonArray audit() {
        return page(0, null);
    }

    @GET
    @Path("audit/{page}")
    public JsonArray audit(@PathParam("page") String page) {
        return page(pageNumber(page), null);
    }

    @GET
    @Path("audit/instance/{host}/{port}")
    public JsonArray auditInstance(@PathParam("host") String host, @PathParam("port") String port) {
        return page(0, InstanceViews.key(host, port));
    }

    @GET
    @Path("audit/instance/{host}/{port}/{page}")
    public JsonArray auditInstance(@PathParam("host") String host, @PathParam("port") String port,
                                   @PathParam("page") String page) {
        return page(pageNumber(page), InstanceViews.key(host, port));
    }

    /** A page that is not a number, or negative, reads as the first page, as orchestrator does. */
    private static int pageNumber(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private JsonArray page(int page, InstanceKey key) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        audit.page(page, PAGE_SIZE, key).forEach(e -> array.add(Json.createObjectBuilder()
                .add("AuditId", e.id())
                .add("AuditTimestamp", InstanceJson.TIMESTAMP.format(e.timestamp()))
                .add("AuditType", e.type())
                .add("AuditInstanceKey", InstanceJson.key(e.key()))
                .add("Message", e.message())));
        return array.build();
    }
}
