package org.orchestratoree.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.orchestratoree.config.CurrentConfiguration;
import org.orchestratoree.config.RecoverySettings;

/** Which clusters recover automatically, as orchestrator's automated-recovery-filters reports it. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryFiltersResource {

    @Inject
    CurrentConfiguration configuration;

    @GET
    @Path("automated-recovery-filters")
    public Response filters() {
        RecoverySettings r = configuration.get().recovery();
        return Envelope.ok("Automated recovery configuration details", Json.createObjectBuilder()
                .add("RecoverMasterClusterFilters", array(r.recoverMasterClusterFilters()))
                .add("RecoverIntermediateMasterClusterFilters", array(r.recoverIntermediateMasterClusterFilters()))
                .build());
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
