package org.orchestratoree.kv.consul;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for Consul's HTTP API (no Consul server can be installed where these tests run), following the
 * documented behaviour of the endpoints the store uses: {@code /v1/kv/<key>} GET/PUT/DELETE with {@code ?dc=},
 * {@code ?cas=}, {@code ?recurse}; {@code /v1/txn} (all or nothing, 64 operations at most, 409 with Errors);
 * {@code /v1/catalog/datacenters}; the {@code X-Consul-Token} header or {@code ?token=}. It counts what the
 * tests assert on: transactions, write transactions, write operations per data center, tokens seen.
 */
public final class ConsulApiStandIn implements AutoCloseable {

    static final int MAX_TXN_OPS = 64;

    static {
        // the JDK server writes headers and body separately; with Nagle on, each answer waits ~40 ms for an ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Map<String, StandInKeySpace> dataCenters = new LinkedHashMap<>();
    private String requiredToken;
    private int txnRequests;
    private int writeTransactions;
    private final Map<String, Integer> writeOps = new HashMap<>();
    private final List<String> tokensSeen = new ArrayList<>();

    private ConsulApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        dataCenters("dc1");
    }

    public static ConsulApiStandIn start() throws IOException {
        ConsulApiStandIn standIn = new ConsulApiStandIn();
        standIn.server.start();
        return standIn;
    }

    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The data centers the catalog lists; the first is the agent's own. Existing key spaces are kept. */
    public synchronized void dataCenters(String... names) {
        Map<String, StandInKeySpace> kept = new LinkedHashMap<>();
        for (String name : names) {
            kept.put(name, dataCenters.getOrDefault(name, new StandInKeySpace()));
        }
        dataCenters.clear();
        dataCenters.putAll(kept);
    }

    /** Requests without this token are refused with 403, as with an ACL default policy of deny. */
    synchronized void requireToken(String token) {
        requiredToken = token;
    }

    public synchronized Optional<String> value(String dataCenter, String key) {
        StandInKeySpace.Entry entry = dataCenters.get(dataCenter).get(key);
        return entry == null ? Optional.empty() : Optional.of(new String(entry.value(), StandardCharsets.UTF_8));
    }

    synchronized int txnRequests() {
        return txnRequests;
    }

    public synchronized int writeTransactions() {
        return writeTransactions;
    }

    public synchronized int writeOps() {
        return writeOps.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int writeOps(String dataCenter) {
        return writeOps.getOrDefault(dataCenter, 0);
    }

    synchronized List<String> tokensSeen() {
        return List.copyOf(tokensSeen);
    }

    synchronized void resetCounters() {
        txnRequests = 0;
        writeTransactions = 0;
        writeOps.clear();
        tokensSeen.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (RuntimeException e) {
            // a stand-in bug must show up as an answer, not as a dropped connection
            respond(exchange, 500, "stand-in failed: " + e);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String token = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Consul-Token"))
                .orElse(query.getOrDefault("token", ""));
        tokensSeen.add(token);
        if (requiredToken != null && !requiredToken.equals(token)) {
            respond(exchange, 403, "Permission denied");
            return;
        }
        if (path.equals("/v1/catalog/datacenters")) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            dataCenters.keySet().forEach(names::add);
            respond(exchange, 200, names.build().toString());
            return;
        }
        String dcName = query.getOrDefault("dc", dataCenters.keySet().iterator().next());
        StandInKeySpace dc = dataCenters.get(dcName);
        if (dc == null) {
            respond(exchange, 500, "No path to datacenter");
            return;
        }
        exchange.getResponseHeaders().set("X-Consul-Index", String.valueOf(dc.index()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        if (path.equals("/v1/txn")) {
            transaction(exchange, method, dcName, dc, new String(body, StandardCharsets.UTF_8));
        } else if (path.startsWith("/v1/kv/")) {
            kv(exchange, method, dcName, dc, path.substring("/v1/kv/".length()), query, body);
        } else {
            respond(exchange, 404, "");
        }
    }

    private void kv(HttpExchange exchange, String method, String dcName, StandInKeySpace dc, String key,
            Map<String, String> query, byte[] body) throws IOException {
        Long cas = query.containsKey("cas") ? Long.valueOf(query.get("cas")) : null;
        switch (method) {
            case "GET" -> {
                List<StandInKeySpace.Entry> found = query.containsKey("recurse") ? dc.tree(key)
                        : Optional.ofNullable(dc.get(key)).map(List::of).orElse(List.of());
                if (found.isEmpty()) {
                    respond(exchange, 404, "");
                    return;
                }
                JsonArrayBuilder array = Json.createArrayBuilder();
                found.forEach(e -> array.add(e.json(true)));
                respond(exchange, 200, array.build().toString());
            }
            case "PUT" -> {
                long flags = Long.parseLong(query.getOrDefault("flags", "0"));
                boolean stored = dc.put(key, body, cas, flags);
                countWrites(dcName, stored ? 1 : 0);
                respond(exchange, 200, String.valueOf(stored));
            }
            case "DELETE" -> {
                boolean deleted = dc.delete(key, query.containsKey("recurse"), cas);
                countWrites(dcName, deleted ? 1 : 0);
                respond(exchange, 200, String.valueOf(deleted));
            }
            default -> respond(exchange, 405, "method " + method + " not allowed");
        }
    }

    private void transaction(HttpExchange exchange, String method, String dcName, StandInKeySpace dc, String body)
            throws IOException {
        txnRequests++;
        if (!method.equals("PUT")) {
            respond(exchange, 405, "method " + method + " not allowed");
            return;
        }
        List<JsonObject> kvOps = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonArray ops = reader.readArray();
            if (ops.size() > MAX_TXN_OPS) {
                respond(exchange, 413, "Transaction contains too many operations (" + ops.size() + " > "
                        + MAX_TXN_OPS + ")");
                return;
            }
            for (JsonValue op : ops) {
                JsonObject kv = op.asJsonObject().getJsonObject("KV");
                if (kv == null) {
                    throw new JsonException("only KV operations are supported by this stand-in");
                }
                kvOps.add(kv);
            }
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            respond(exchange, 400, "Failed to parse body: " + e.getMessage());
            return;
        }
        StandInKeySpace.TxnResult result = dc.transaction(kvOps);
        if (result.writes() > 0) {
            writeTransactions++;
            countWrites(dcName, result.writes());
        }
        JsonArrayBuilder results = Json.createArrayBuilder();
        result.results().forEach(results::add);
        JsonArrayBuilder errors = Json.createArrayBuilder();
        result.errors().forEach(errors::add);
        var response = Json.createObjectBuilder();
        if (result.errors().isEmpty()) {
            response.add("Results", results).addNull("Errors");
        } else {
            response.addNull("Results").add("Errors", errors);
        }
        respond(exchange, result.errors().isEmpty() ? 200 : 409, response.build().toString());
    }

    private void countWrites(String dcName, int count) {
        writeOps.merge(dcName, count, Integer::sum);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                query.put(name, eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 || status == 409
                ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
