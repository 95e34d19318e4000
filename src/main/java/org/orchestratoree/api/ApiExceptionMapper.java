package org.orchestratoree.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orchestratoree.config.ConfigurationException;
import org.orchestratoree.discovery.UnknownClusterException;
import org.orchestratoree.discovery.probe.ProbeException;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.NotLeaderException;
import org.orchestratoree.persistence.BackendUnavailableException;
import org.orchestratoree.topology.InvalidInstanceKeyException;

/** Every failure leaves the API as orchestrator's ERROR envelope, never as an HTML page or a stack trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof NotFoundException) {
            return Envelope.error(404, "No such API endpoint", jakarta.json.JsonValue.NULL);
        }
        if (e instanceof NotAllowedException) {
            return Envelope.error(405, "Method not allowed: the API answers GET", jakarta.json.JsonValue.NULL);
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return Envelope.error(w.getResponse().getStatus(), e.getMessage(), jakarta.json.JsonValue.NULL);
        }
        if (e instanceof InvalidInstanceKeyException || e instanceof UnknownClusterException
                || e instanceof ApiException || e instanceof CommandFailedException || e instanceof ProbeException
                || e instanceof ConfigurationException || e instanceof NotLeaderException) {
            return Envelope.error(e.getMessage());
        }
        if (e instanceof BackendUnavailableException) {
            LOG.warning(e.getMessage());
            return Envelope.error(e.getMessage());
        }
        LOG.log(Level.WARNING, "unexpected API failure", e);
        return Envelope.error("Internal error: " + e);
    }
}
