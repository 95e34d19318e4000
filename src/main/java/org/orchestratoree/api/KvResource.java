package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.discovery.ClusterDirectory;
import org.orchestratoree.kv.KvPair;
import org.orchestratoree.kv.KvPublisher;
import org.orchestratoree.kv.KvStores;

/**
 * Publishing masters to the KV stores on request, with orchestrator's paths and envelope, and reading the
 * internal store. A store that fails turns the answer into ERROR naming it, with the pairs still in Details,
 * since the other stores were written.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KvResource {

    @Inject
    KvPublisher publisher;
    @Inject
    KvStores stores;
    @Inject
    ClusterDirectory clusters;

    @GET
    @Path("submit-masters-to-kv-stores")
    public Response submitAll() {
        return answer(publisher.submit(Optional.empty()));
    }

    @GET
    @Path("submit-masters-to-kv-stores/{clusterHint}")
    public Response submit(@PathParam("clusterHint") String hint) {
        return answer(publisher.submit(Optional.of(clusters.resolve(hint))));
    }

    /** The internal store's entries, as {@code {"Key":..,"Value":..}}. */
    @GET
    @Path("kv")
    public JsonArray entries() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        stores.internal().all().forEach((k, v) -> array.add(pair(new KvPair(k, v))));
        return array.build();
    }

    @GET
    @Path("kv/{key: .+}")
    public Response entry(@PathParam("key") String key) {
        return stores.internal().get(key)
                .map(v -> Response.ok(pair(new KvPair(key, v))).build())
                .orElseGet(() -> Envelope.error(404, "No KV entry for key " + key, JsonValue.NULL));
    }

    private static Response answer(KvPublisher.Submission s) {
        JsonArray details = pairs(s.pairs());
        String message = "Submitted " + s.pairs().size() + " masters";
        if (s.report().failed()) {
            StringBuilder failed = new StringBuilder(message).append("; failed stores:");
            s.report().failures().forEach((store, error) -> failed.append(' ').append(store).append(" (")
                    .append(error).append(')'));
            return Envelope.error(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), failed.toString(), details);
        }
        return Envelope.ok(message, details);
    }

    private static JsonArray pairs(List<KvPair> pairs) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        pairs.forEach(p -> array.add(pair(p)));
        return array.build();
    }

    private static JsonObject pair(KvPair p) {
        return Json.createObjectBuilder().add("Key", p.key()).add("Value", p.value()).build();
    }
}
