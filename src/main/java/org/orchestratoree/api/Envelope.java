package org.orchestratoree.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Orchestrator's response envelope {@code {"Code":"OK"|"ERROR","Message":...,"Details":...}}. OK answers
 * 200; ERROR answers 500, whatever the cause, because orchestrator's clients key on that.
 */
public final class Envelope {

    private Envelope() {
    }

    public static Response ok(String message, JsonValue details) {
        return Response.ok(body("OK", message, details).build(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response ok(String message) {
        return ok(message, JsonValue.NULL);
    }

    public static Response error(String message) {
        return error(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), message, JsonValue.NULL);
    }

    public static Response error(int status, String message, JsonValue details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body("ERROR", message, details).build()).build();
    }

    private static JsonObjectBuilder body(String code, String message, JsonValue details) {
        return Json.createObjectBuilder().add("Code", code).add("Message", message == null ? "" : message)
                .add("Details", details == null ? JsonValue.NULL : details);
    }
}
