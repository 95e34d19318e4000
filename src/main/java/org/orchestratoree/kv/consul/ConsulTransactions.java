package org.orchestratoree.kv.consul;

import com.ecwid.consul.transport.HttpResponse;
import com.ecwid.consul.v1.ConsulRawClient;
import com.ecwid.consul.v1.OperationException;
import com.ecwid.consul.v1.QueryParams;
import com.ecwid.consul.v1.Request;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orchestratoree.kv.KvPair;

/**
 * Consul's {@code /v1/txn} endpoint. consul-api 1.4.5 has no transaction API, so the request is built here and
 * sent through consul-api's raw client (same HTTP client, same token header, same {@code ?dc=} handling).
 */
final class ConsulTransactions {

    /** A transaction Consul rolled back (HTTP 409); {@code what} lists its per-operation errors. */
    static final class RolledBack extends RuntimeException {
        RolledBack(String what) {
            super("transaction rolled back: " + what);
        }
    }

    private record Outcome(List<JsonObject> results, List<JsonObject> errors) {
    }

    private final ConsulRawClient raw;
    private final String aclToken;

    /**
     * consul-api's request builder always sets the token header (empty when given none), which hides the HTTP
     * client's default one: so the token is given here explicitly.
     */
    ConsulTransactions(ConsulRawClient raw, String aclToken) {
        this.raw = raw;
        this.aclToken = aclToken == null || aclToken.isEmpty() ? null : aclToken;
    }

    /**
     * The current values of the keys that exist ({@code ""} for an empty value). Consul's {@code get} verb fails
     * the whole transaction on a missing key (and {@code get-or-empty} needs Consul 1.13+), so missing keys
     * named in the errors are dropped and the rest read again: each round removes at least one key.
     */
    Map<String, String> read(String dataCenter, List<String> keys) {
        Map<String, String> values = new HashMap<>();
        for (int from = 0; from < keys.size(); from += ConsulSettings.MAX_TRANSACTION_OPS) {
            List<String> chunk = new ArrayList<>(
                    keys.subList(from, Math.min(keys.size(), from + ConsulSettings.MAX_TRANSACTION_OPS)));
            while (!chunk.isEmpty()) {
                Outcome outcome = run(dataCenter, getOps(chunk));
                if (outcome.errors().isEmpty()) {
                    for (JsonObject result : outcome.results()) {
                        JsonObject kv = result.getJsonObject("KV");
                        if (kv != null) {
                            values.put(kv.getString("Key"), decode(kv.get("Value")));
                        }
                    }
                    break;
                }
                Set<String> failed = new HashSet<>();
                for (JsonObject error : outcome.errors()) {
                    int index = error.getInt("OpIndex", -1);
                    if (index >= 0 && index < chunk.size()) {
                        failed.add(chunk.get(index));
                    }
                }
                if (failed.isEmpty()) {
                    // errors that name no operation: nothing to learn, so every key of the chunk gets written
                    break;
                }
                chunk.removeAll(failed);
            }
        }
        return values;
    }

    /** Sets the pairs in one all-or-nothing transaction; the caller keeps it within Consul's operation limit. */
    void write(String dataCenter, List<KvPair> pairs) {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (KvPair pair : pairs) {
            ops.add(Json.createObjectBuilder().add("KV", Json.createObjectBuilder()
                    .add("Verb", "set")
                    .add("Key", pair.key())
                    .add("Value", Base64.getEncoder().encodeToString(pair.value().getBytes(StandardCharsets.UTF_8)))));
        }
        Outcome outcome = run(dataCenter, ops.build());
        if (!outcome.errors().isEmpty()) {
            List<String> what = new ArrayList<>();
            for (JsonObject error : outcome.errors()) {
                int index = error.getInt("OpIndex", -1);
                String key = index >= 0 && index < pairs.size() ? pairs.get(index).key() + ": " : "";
                what.add(key + error.getString("What", "unknown error"));
            }
            throw new RolledBack(String.join("; ", what));
        }
    }

    private static JsonArray getOps(List<String> keys) {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (String key : keys) {
            ops.add(Json.createObjectBuilder().add("KV", Json.createObjectBuilder().add("Verb", "get").add("Key", key)));
        }
        return ops.build();
    }

    /** 200 = applied, 409 = rolled back with Errors; anything else (413 too many operations, 403 ACL) throws. */
    private Outcome run(String dataCenter, JsonArray ops) {
        Request request = Request.Builder.newBuilder()
                .setEndpoint("/v1/txn")
                .setBinaryContent(ops.toString().getBytes(StandardCharsets.UTF_8))
                .addUrlParameter(new QueryParams(dataCenter))
                .setToken(aclToken)
                .build();
        HttpResponse response = raw.makePutRequest(request);
        if (response.getStatusCode() != 200 && response.getStatusCode() != 409) {
            throw new OperationException(response);
        }
        JsonObject body;
        try (var reader = Json.createReader(new StringReader(response.getContent()))) {
            body = reader.readObject();
        }
        return new Outcome(objects(body.get("Results")), objects(body.get("Errors")));
    }

    private static List<JsonObject> objects(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return value.asJsonArray().getValuesAs(JsonObject.class);
    }

    /** Consul stores an empty value as nothing and answers {@code "Value": null} for it. */
    private static String decode(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            return "";
        }
        String base64 = ((JsonString) value).getString();
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
