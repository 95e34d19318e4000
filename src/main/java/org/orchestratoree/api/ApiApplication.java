package org.orchestratoree.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Orchestrator's HTTP API, answered under {@code /api} at the server root. */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
