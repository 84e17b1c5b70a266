package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbound benchmark's SCIM target (RFC 7644), in the benchmark's JVM on {@code 127.0.0.1}: Users kept in
 * memory with indexes, so that 100,000 accounts cost the target no more per request than 1,000 (the test suite's
 * {@code MockScimTarget} scans and copies its whole store per lookup and page, which would measure itself).
 * It answers what a full sync and delivery send: {@code GET /Users?filter=userName eq "x"} (case-insensitive),
 * {@code GET /Users?startIndex=&count=} in creation order, {@code POST /Users} ({@code 409 uniqueness} on a taken
 * userName), {@code GET/PUT/PATCH/DELETE /Users/{id}} (PATCH: {@code add}/{@code replace}/{@code remove} of
 * attributes and one-level sub-attributes, the paths the extension sends), {@code GET /Groups} (empty) and a
 * {@code /ServiceProviderConfig} with PATCH supported. Requires {@code Authorization: Bearer <token>}.
 *
 * <p>Every PUT or PATCH of a user is handed to a listener with its raw body and the {@link System#nanoTime()} of
 * its arrival, before it is parsed: the change-latency measurement matches it by a marker written in the change.
 */
final class BenchTarget implements AutoCloseable {

    static final String BASE_PATH = "/scim/v2";

    static {
        // The JDK server writes a response's headers and body in separate packets; without TCP_NODELAY, Nagle's
        // algorithm holds the body back until the client's delayed ACK (~40 ms), which would be measured as the
        // target's latency. Read once, when the JDK's server classes are first loaded (after this).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final Pattern MARKER = Pattern.compile("bchg(\\d{7})");

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong sequence = new AtomicLong();
    /** Accounts by id; ids are a zero-padded sequence, so the map's order is creation order (stable paging). */
    private final ConcurrentSkipListMap<String, ObjectNode> users = new ConcurrentSkipListMap<>();
    private final Map<String, String> idByUserName = new ConcurrentHashMap<>();
    private volatile BiConsumer<Integer, Long> markerListener = (marker, nanos) -> { };

    BenchTarget(String token) {
        this.token = token;
        try {
            // The JDK server closes a connection idle for 30 s (sun.net.httpserver.idleInterval); a client that
            // reuses it at that moment gets "header parser received no bytes" for a POST it cannot safely retry.
            // Both sides here are the benchmark's own, so idle connections are kept for the whole run.
            System.setProperty("sun.net.httpserver.idleInterval", "86400");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the benchmark's SCIM target", e);
        }
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "bench-scim-target");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(BASE_PATH, this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    int size() {
        return users.size();
    }

    /** Forgets every account. */
    synchronized void clear() {
        users.clear();
        idByUserName.clear();
    }

    /** Called with the number after {@code bchg} in a PUT/PATCH body and the request's arrival time. */
    void onMarker(BiConsumer<Integer, Long> listener) {
        this.markerListener = listener;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring(BASE_PATH.length());
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if ((method.equals("PATCH") || method.equals("PUT")) && path.startsWith("/Users/")) {
            Matcher marker = MARKER.matcher(text);
            if (marker.find()) {
                markerListener.accept(Integer.parseInt(marker.group(1)), arrived);
            }
        }
        int status;
        JsonNode answer;
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            answer = error(401, null, "bad or missing bearer token");
        } else {
            try {
                Object[] result = route(method, path, exchange.getRequestURI().getRawQuery(),
                        text.isBlank() ? null : BenchHttp.JSON.readTree(text));
                status = (Integer) result[0];
                answer = (JsonNode) result[1];
            } catch (IOException | RuntimeException e) {
                status = 400;
                answer = error(400, "invalidSyntax", String.valueOf(e.getMessage()));
            }
        }
        byte[] bytes = answer == null ? new byte[0] : answer.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Object[] route(String method, String path, String query, JsonNode body) {
        if (path.equals("/ServiceProviderConfig")) {
            ObjectNode spc = BenchHttp.JSON.createObjectNode();
            spc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
            spc.putObject("patch").put("supported", true);
            spc.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
            spc.putObject("filter").put("supported", true).put("maxResults", 200);
            spc.putObject("sort").put("supported", false);
            spc.putObject("etag").put("supported", false);
            spc.putObject("changePassword").put("supported", false);
            return new Object[] {200, spc};
        }
        if (path.startsWith("/Groups")) {
            return method.equals("GET") ? new Object[] {200, list(new java.util.ArrayList<ObjectNode>().iterator(), 0, 1)}
                    : new Object[] {501, error(501, null, "groups are not part of this benchmark")};
        }
        if (!path.startsWith("/Users")) {
            return new Object[] {404, error(404, null, "no such endpoint " + path)};
        }
        String id = path.length() > "/Users/".length() ? path.substring("/Users/".length()) : null;
        if (id == null) {
            return method.equals("GET") ? new Object[] {200, search(query)}
                    : method.equals("POST") ? create((ObjectNode) body)
                    : new Object[] {405, error(405, null, method + " not allowed")};
        }
        ObjectNode found = users.get(id);
        if (found == null) {
            return new Object[] {404, error(404, null, "resource " + id + " not found")};
        }
        switch (method) {
            case "GET":
                return new Object[] {200, found};
            case "DELETE":
                synchronized (this) {
                    users.remove(id);
                    idByUserName.remove(key(found.path("userName").asText()));
                }
                return new Object[] {204, null};
            case "PUT":
            case "PATCH":
                ObjectNode updated = method.equals("PUT") ? ((ObjectNode) body).deepCopy() : patched(found, body);
                updated.put("id", id);
                updated.set("meta", found.get("meta"));
                synchronized (this) {
                    idByUserName.remove(key(found.path("userName").asText()));
                    idByUserName.put(key(updated.path("userName").asText()), id);
                    users.put(id, updated);
                }
                return new Object[] {200, updated};
            default:
                return new Object[] {405, error(405, null, method + " not allowed")};
        }
    }

    private Object[] create(ObjectNode body) {
        String userName = body == null ? null : body.path("userName").asText(null);
        if (userName == null || userName.isBlank()) {
            return new Object[] {400, error(400, "invalidValue", "userName is required")};
        }
        String id = String.format(Locale.ROOT, "%012d", sequence.incrementAndGet());
        ObjectNode stored = body.deepCopy().put("id", id);
        stored.putObject("meta").put("resourceType", "User");
        synchronized (this) {
            if (idByUserName.putIfAbsent(key(userName), id) != null) {
                return new Object[] {409, error(409, "uniqueness", "userName already exists")};
            }
            users.put(id, stored);
        }
        return new Object[] {201, stored};
    }

    /** {@code filter=userName eq "x"}, or a page by {@code startIndex}/{@code count} (RFC 7644 §3.4.2). */
    private ObjectNode search(String query) {
        String filter = param(query, "filter");
        int count = intParam(query, "count", 100);
        int start = Math.max(1, intParam(query, "startIndex", 1));
        if (filter != null) {
            String[] parts = filter.trim().split("\\s+", 3);
            if (parts.length != 3 || !parts[0].equalsIgnoreCase("userName") || !parts[1].equalsIgnoreCase("eq")) {
                throw new IllegalArgumentException("only userName eq is supported: " + filter);
            }
            String id = idByUserName.get(key(parts[2].replaceAll("^\"|\"$", "")));
            ObjectNode match = id == null ? null : users.get(id);
            java.util.List<ObjectNode> found = match == null ? java.util.List.of() : java.util.List.of(match);
            return list(found.iterator(), found.size(), 1);
        }
        Iterator<ObjectNode> all = users.values().iterator();
        for (int skipped = 1; skipped < start && all.hasNext(); skipped++) {
            all.next();
        }
        java.util.List<ObjectNode> page = new java.util.ArrayList<>();
        while (page.size() < count && all.hasNext()) {
            page.add(all.next());
        }
        return list(page.iterator(), users.size(), start);
    }

    private static ObjectNode list(Iterator<ObjectNode> page, int total, int start) {
        ObjectNode list = BenchHttp.JSON.createObjectNode();
        list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list.put("totalResults", total).put("startIndex", start);
        ArrayNode resources = list.putArray("Resources");
        page.forEachRemaining(resources::add);
        list.put("itemsPerPage", resources.size());
        return list;
    }

    /** RFC 7644 §3.5.2 for the forms the extension sends: a top-level or {@code attr.sub} path, or no path. */
    private static ObjectNode patched(ObjectNode resource, JsonNode body) {
        ObjectNode copy = resource.deepCopy();
        for (JsonNode op : body.path("Operations")) {
            String kind = op.path("op").asText().toLowerCase(Locale.ROOT);
            String path = op.path("path").asText(null);
            if (path == null && op.path("value").isObject()) {
                op.get("value").fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue()));
                continue;
            }
            if (path == null || path.contains("[")) {
                throw new IllegalArgumentException("unsupported PATCH path " + path);
            }
            int dot = path.indexOf('.');
            String head = dot < 0 ? null : path.substring(0, dot);
            ObjectNode parent = head == null ? copy
                    : copy.get(head) instanceof ObjectNode existing ? existing : copy.putObject(head);
            String leaf = dot < 0 ? path : path.substring(dot + 1);
            if (kind.equals("remove")) {
                parent.remove(leaf);
            } else {
                parent.set(leaf, op.get("value"));
            }
        }
        return copy;
    }

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private static int intParam(String query, String name, int fallback) {
        String value = param(query, name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static ObjectNode error(int status, String scimType, String detail) {
        ObjectNode error = BenchHttp.JSON.createObjectNode();
        error.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        error.put("status", String.valueOf(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        return error.put("detail", detail);
    }
}
