package dev.kcscim.testsupport.mocktarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A small but real SCIM 2.0 service provider (RFC 7644) for integration tests, on {@code 127.0.0.1}: in-memory
 * Users and Groups, {@code userName} uniqueness (409), {@code eq} filters, PATCH, PUT, DELETE, a
 * ServiceProviderConfig, bearer-token auth, a record of every request, and scripted faults ({@link Fault}):
 * 5xx or 429 with Retry-After, hangs, and refused connections ({@link #stop()} then {@link #start()} on the same
 * port).
 */
public final class MockScimTarget implements AutoCloseable {

    public static final String BASE_PATH = "/scim/v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final ResourceStore users = new ResourceStore("User", "userName");
    private final ResourceStore groups = new ResourceStore("Group", "displayName");
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private volatile boolean patchSupported = true;
    private volatile long latencyMillis;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** A target that requires {@code Authorization: Bearer token} (null: no authentication). */
    public MockScimTarget(String token) {
        this.token = token;
    }

    /** Starts (or restarts, on the same port) the server. */
    public synchronized MockScimTarget start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the mock SCIM target", e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "mock-scim-target");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(BASE_PATH, this::handle);
        server.start();
        return this;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + BASE_PATH;
    }

    public ResourceStore users() {
        return users;
    }

    public ResourceStore groups() {
        return groups;
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    /** Queues {@code fault} for the next {@code times} matching requests. */
    public void inject(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    /** Delays every answer by {@code millis} (a slow target keeps a queue in Keycloak). */
    public void setLatencyMillis(long millis) {
        this.latencyMillis = millis;
    }

    public void setPatchSupported(boolean supported) {
        this.patchSupported = supported;
    }

    /** Forgets the requests recorded so far (resources and faults stay). */
    public void clearRequests() {
        requests.clear();
    }

    /** Forgets requests, faults and resources. */
    public void reset() {
        requests.clear();
        faults.clear();
        users.clear();
        groups.clear();
        patchSupported = true;
        latencyMillis = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring(BASE_PATH.length());
        String query = exchange.getRequestURI().getQuery();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = text.isBlank() ? null : JSON.readTree(text);
        Fault fault = takeFault(method, path);
        if (latencyMillis > 0) {
            sleep(latencyMillis);
        }
        Answer answer;
        if (fault != null && fault.delayMillis() > 0) {
            sleep(fault.delayMillis());
        }
        if (fault != null && fault.status() > 0) {
            answer = new Answer(fault.status(), fault.body(), fault.headers());
        } else if (token != null && !("Bearer " + token).equals(auth)) {
            answer = error(401, null, "bad or missing bearer token");
        } else {
            answer = route(method, path, query, body);
        }
        requests.add(new RecordedRequest(method, path, query, auth, body, answer.status, System.currentTimeMillis()));
        answer.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body == null ? new byte[0] : answer.body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
        }
        exchange.sendResponseHeaders(answer.status, answer.status == 204 || bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Fault takeFault(String method, String path) {
        for (Fault fault : faults) {
            if (fault.matches(method, path) && faults.removeFirstOccurrence(fault)) {
                return fault;
            }
        }
        return null;
    }

    private Answer route(String method, String path, String query, JsonNode body) {
        if (path.equals("/ServiceProviderConfig") && method.equals("GET")) {
            return ok(200, serviceProviderConfig());
        }
        ResourceStore store = path.startsWith("/Users") ? users : path.startsWith("/Groups") ? groups : null;
        if (store == null) {
            return error(404, null, "no such endpoint " + path);
        }
        String[] segments = path.split("/");
        String id = segments.length > 2 ? segments[2] : null;
        try {
            if (id == null) {
                return switch (method) {
                    case "GET" -> ok(200, list(store, query));
                    case "POST" -> created(store, body);
                    default -> error(405, null, method + " not allowed");
                };
            }
            ObjectNode result = switch (method) {
                case "GET" -> store.get(id);
                case "PUT" -> store.replace(id, (ObjectNode) body);
                case "PATCH" -> patchSupported ? store.patch(id, body) : null;
                case "DELETE" -> store.delete(id) ? JSON.createObjectNode() : null;
                default -> null;
            };
            if (method.equals("PATCH") && !patchSupported) {
                return error(501, null, "PATCH not supported");
            }
            if (result == null) {
                return error(404, null, "resource " + id + " not found");
            }
            return method.equals("DELETE") ? new Answer(204, null, Map.of()) : ok(200, result);
        } catch (RuntimeException e) {
            return error(400, "invalidValue", String.valueOf(e.getMessage()));
        }
    }

    private Answer created(ResourceStore store, JsonNode body) {
        if (body == null || !body.isObject()) {
            return error(400, "invalidSyntax", "body must be an object");
        }
        try {
            ObjectNode created = store.create((ObjectNode) body);
            return created == null ? error(400, "invalidValue", "missing required attribute") : ok(201, created);
        } catch (IllegalStateException e) {
            return error(409, "uniqueness", "userName already exists");
        }
    }

    private ObjectNode list(ResourceStore store, String query) {
        List<ObjectNode> found = new ArrayList<>();
        String filter = query == null ? null : param(query, "filter");
        if (filter == null) {
            found.addAll(store.all());
        } else {
            String[] parts = filter.trim().split("\\s+", 3);
            if (parts.length == 3 && parts[1].equalsIgnoreCase("eq")) {
                ObjectNode match = store.findBy(parts[0], parts[2].replaceAll("^\"|\"$", ""));
                if (match != null) {
                    found.add(match);
                }
            }
        }
        // RFC 7644 §3.4.2.4: 1-based startIndex and count; a stable order (by id) so pages do not overlap
        found.sort(java.util.Comparator.comparing(r -> r.path("id").asText()));
        int start = Math.max(1, intParam(query, "startIndex", 1));
        int count = Math.max(0, intParam(query, "count", found.size()));
        List<ObjectNode> page = start > found.size() ? List.of()
                : found.subList(start - 1, Math.min(found.size(), start - 1 + count));
        ObjectNode list = JSON.createObjectNode();
        list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list.put("totalResults", found.size());
        list.put("startIndex", start);
        list.put("itemsPerPage", page.size());
        ArrayNode resources = list.putArray("Resources");
        page.forEach(resources::add);
        return list;
    }

    private ObjectNode serviceProviderConfig() {
        ObjectNode spc = JSON.createObjectNode();
        spc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        spc.putObject("patch").put("supported", patchSupported);
        spc.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        spc.putObject("filter").put("supported", true).put("maxResults", 200);
        spc.putObject("changePassword").put("supported", false);
        spc.putObject("sort").put("supported", false);
        spc.putObject("etag").put("supported", false);
        return spc;
    }

    private static int intParam(String query, String name, int fallback) {
        String value = query == null ? null : param(query, name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static Answer ok(int status, JsonNode body) {
        return new Answer(status, body.toString(), Map.of());
    }

    private static Answer error(int status, String scimType, String detail) {
        ObjectNode error = JSON.createObjectNode();
        error.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        error.put("status", String.valueOf(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return new Answer(status, error.toString(), Map.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }
}
