package org.orchestratoree.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.orchestratoree.ha.Leadership;

/**
 * A healthy follower answers API requests by forwarding them to the leader, as orchestrator's raft members
 * do, except the node-local ones (health, load balancer and leader checks, raft-*, status). A node that is
 * not part of a healthy group forwards nothing: it answers reads itself and refuses changes.
 */
@Provider
@PreMatching
@Priority(2000)
public class LeaderProxyFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(LeaderProxyFilter.class.getName());
    /** Set on forwarded requests, so that a request is never forwarded twice (during a change of leader). */
    static final String FORWARDED = "X-Orchestrator-Forwarded-By";
    private static final List<String> LOCAL = List.of("health", "lb-check", "leader-check", "raft-", "status", "_ping");

    @Inject
    Leadership leadership;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static boolean local(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return LOCAL.stream().anyMatch(p::startsWith);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (local(path) || request.getHeaderString(FORWARDED) != null || leadership.isLeader()) {
            return;
        }
        Optional<String> leader = leadership.leaderUri();
        if (leader.isEmpty() || !leadership.health().healthy()) {
            return;
        }
        URI target = URI.create(leader.get() + "/api/" + (path.startsWith("/") ? path.substring(1) : path)
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).map(q -> "?" + q).orElse(""));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(target).GET()
                    .timeout(Duration.ofMinutes(2)).header(FORWARDED, "follower").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            request.abortWith(Response.status(answer.statusCode())
                    .type(answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .entity(answer.body()).build());
        } catch (IOException e) {
            LOG.warning("forwarding " + path + " to the leader " + leader.get() + " failed: " + e.getMessage());
            request.abortWith(Envelope.error(502, "Cannot reach the raft leader " + leader.get() + ": " + e.getMessage(),
                    jakarta.json.JsonValue.NULL));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abortWith(Envelope.error("Interrupted while forwarding to the raft leader"));
        }
    }
}
