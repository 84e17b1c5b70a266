package dev.kcscim.it.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of malformed and hostile SCIM requests, each meant to be refused: broken JSON, wrong types,
 * huge strings and arrays, deep nesting, invalid and pathological filters, bad PATCH paths, wrong content types,
 * unicode edge cases and bad query parameters. Writes target existing resources, so a request that slipped through
 * would show up as changed data.
 */
final class HostileRequests {

    /** One request: method, path (with query), content type (null for none) and body (null for none). */
    record Hostile(String category, String method, String path, String contentType, String body) {

        boolean isWrite() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…(" + body.length() + ")" : body;
            return category + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path)
                    + " [" + contentType + "] " + shown;
        }
    }

    private static final String SCIM = "application/scim+json";
    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final String[] BROKEN_JSON = {"", "{", "}", "[", "{\"userName\":", "{\"userName\" \"x\"}", "null",
        "[]", "\"string\"", "42", "true", "{'userName':'single'}", "{\"userName\":\"a\",}", "{\"a\":1}{\"b\":2}",
        "{\"userName\":\"x\"", "\u0000", "{\"userName\":\"\\u00\"}", "{\"userName\":\"\\x41\"}", "{\"userName\":NaN}",
        "{\"userName\":01}", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"x\",\"userName\":[}", "<xml/>",
        "{\"userName\":\"x\"}garbage", "\uFEFF{\"userName\":\"bom\"}x", "{/*c*/\"userName\":\"x\"", "{\"\":}"};

    private static final String[] WRONG_TYPES = {"\"userName\":123", "\"userName\":null", "\"userName\":[\"a\"]",
        "\"userName\":{\"a\":1}", "\"userName\":true", "\"userName\":\"\"", "\"userName\":\"   \"", "\"active\":\"maybe\"",
        "\"active\":[true]", "\"emails\":\"x@example.com\"", "\"emails\":[1,2]", "\"emails\":[{\"value\":[]}]",
        "\"emails\":[{\"value\":\"a@b.c\",\"primary\":\"yes\"}]", "\"name\":[]", "\"name\":\"Full Name\"",
        "\"name\":{\"givenName\":{}}", "\"phoneNumbers\":{}",
        "\"schemas\":\"" + USER_URN + "\"", "\"schemas\":[]", "\"schemas\":[\"urn:x:unknown\"]", "\"schemas\":[1]",
        "\"externalId\":[]", "\"userType\":7", "\"x509Certificates\":[{\"value\":{}}]",
        "\"roles\":[{\"value\":null,\"primary\":2}]", "\"password\":42",
        "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":\"flat\"",
        "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":\"x\"}"};

    private static final String[] GROUP_WRONG = {"\"displayName\":123", "\"displayName\":\"\"", "\"displayName\":null",
        "\"members\":{}", "\"members\":\"u\"", "\"members\":[{\"value\":123}]", "\"members\":[{\"value\":\"no-such-id\"}]",
        "\"members\":[{}]", "\"members\":[null]", "\"members\":[{\"value\":\"\"}]", "\"schemas\":[\"" + USER_URN + "\"]"};

    private static final String[] FILTERS = {"", " ", "userName", "userName eq", "eq \"x\"", "userName eq x",
        "userName eq \"unterminated", "userName xx \"a\"", "(userName eq \"a\"", "userName eq \"a\")", "()", "not",
        "not(", "userName eq \"a\" and", "and or not", "userName pr pr", "emails[", "emails[type eq \"work\"",
        "emails[]", "emails[type eq \"work\"]]", "emails[type eq \"work\"].value.x eq \"a\"", "meta.lastModified gt \"yesterday\"",
        "meta.lastModified gt 12", "active eq \"true\"", "active gt true", "userName gt null", "userName eq 1e999",
        "urn:unknown:schema:attr eq \"x\"", "name.givenName.x eq \"a\"", "userName eq \"a\" or", "\u0000 eq \"a\"",
        "userName eq \"\\\"", "userName eq \"\\u\"", "userName co \"\"", "userName sw", "members[value eq \"x\"] eq \"y\"",
        "userName eq \"a\" and not (userName eq \"b\" or", "emails[value eq \"a\" and emails[type eq \"b\"]]"};

    private static final String[] PATCH_PATHS = {"", " ", ".", "..", "name.", ".givenName", "name..givenName",
        "name.givenName.extra", "emails[", "emails[]", "emails[type eq]", "emails[type eq \"work\"", "emails[type eq \"work\"]]",
        "emails[type eq \"work\"].value.x", "members[value eq", "members[value eq \"x\"].display.y", "urn:", "urn:x:y",
        "urn:ietf:params:scim:schemas:core:2.0:User:", "urn:ietf:params:scim:schemas:core:2.0:User:nope", "id", "meta",
        "meta.created", "schemas", "noSuchAttribute", "userName[value eq \"x\"]", "\u202Ename", "name\u0000",
        "emails[type eq \"work\" and]", "emails[not(]"};

    private static final String[] OPS = {"add", "remove", "replace", "Add", "REPLACE", "move", "copy", "test", "", "delete"};

    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "*/*", ";;;", "application/scim+xml",
        "text/json", "application/jsonx", "application"};

    private static final String[] UNICODE = {"\u0000", "\uD800", "\uDFFF", "\uD83D", "\uFFFF", "\uFFFE", "\u202E",
        "\u200B", "\u0301\u0301\u0301", "\uD83D\uDE00", "\u00A0", "\r\n", "\t", "\\", "\"", "%00", "../../", "${jndi:x}",
        "<script>", "' OR 1=1 --", "\u0130", "\u00DF", "\uFF21", "\u2028"};

    private static final String[] BAD_QUERIES = {"startIndex=-1", "startIndex=0", "startIndex=abc", "startIndex=99999999999999",
        "count=-5", "count=abc", "count=99999999999999", "count=1e3", "sortBy=nope", "sortBy=", "sortBy=emails[",
        "sortOrder=sideways", "attributes=", "attributes=,,,", "attributes=emails[", "attributes=urn:", "excludedAttributes=[",
        "filter=%25", "filter=%25ZZ", "attributes=" + "a,".repeat(2000), "cursor=not-a-cursor", "startIndex=1&startIndex=2"};

    private final Random random;
    private final List<String> userIds;
    private final List<String> groupIds;
    private final List<String> patchUserIds;
    private final List<String> patchGroupIds;

    /**
     * {@code patchUserIds}/{@code patchGroupIds} take the PATCH-path and PATCH-body categories, where a server may
     * tolerate an operation on a read-only path; every other write aims at {@code userIds}/{@code groupIds}.
     */
    HostileRequests(long seed, List<String> userIds, List<String> groupIds, List<String> patchUserIds,
            List<String> patchGroupIds) {
        this.random = new Random(seed);
        this.userIds = userIds;
        this.groupIds = groupIds;
        this.patchUserIds = patchUserIds;
        this.patchGroupIds = patchGroupIds;
    }

    /** {@code count} requests, the categories in turn. */
    List<Hostile> generate(int count) {
        List<Function<Integer, Hostile>> categories = List.of(this::brokenJson, this::wrongTypes, this::groupWrongTypes,
                this::hugeValues, this::deepNesting, this::badFilters, this::badPatchPaths, this::badPatchBodies,
                this::wrongContentTypes, this::unicodeEdges, this::badQueries, this::badIds);
        List<Hostile> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Each category walks its own variants: i / categories is its running number
            requests.add(categories.get(i % categories.size()).apply(i / categories.size()));
        }
        return requests;
    }

    private Hostile brokenJson(int i) {
        String body = pick(BROKEN_JSON);
        return switch (i % 4) {
            case 0 -> new Hostile("broken-json", "POST", "/Users", SCIM, body);
            case 1 -> new Hostile("broken-json", "PUT", "/Users/" + user(), SCIM, body);
            case 2 -> new Hostile("broken-json", "PATCH", "/Groups/" + group(), SCIM, body);
            default -> new Hostile("broken-json", "POST", "/Groups", SCIM, body);
        };
    }

    private Hostile wrongTypes(int i) {
        String field = pick(WRONG_TYPES);
        // A number where userName's string belongs is taken as its text (lenient, as IdPs need): never aim it at a seed
        boolean put = i % 2 == 0 && !field.startsWith("\"userName\"");
        String userName = put ? "" : "\"userName\":\"fuzz-" + i + "\",";
        // Every body here is invalid: the field is of the wrong type; a create keeps a valid userName so only the
        // bad field decides
        String body = "{\"schemas\":[\"" + USER_URN + "\"]," + (field.startsWith("\"userName\"") ? "" : userName) + field + "}";
        return put ? new Hostile("wrong-type", "PUT", "/Users/" + user(), SCIM, body)
                : new Hostile("wrong-type", "POST", "/Users", SCIM, body);
    }

    private Hostile groupWrongTypes(int i) {
        String field = pick(GROUP_WRONG);
        String name = field.startsWith("\"displayName\"") ? "" : "\"displayName\":\"fuzz-group-" + i + "\",";
        String schemas = field.startsWith("\"schemas\"") ? "" : "\"schemas\":[\"" + GROUP_URN + "\"],";
        String body = "{" + schemas + name + field + "}";
        // Creates only: a lenient server may accept some of these, and must then not have touched a seed group
        return new Hostile("group-wrong-type", "POST", "/Groups", SCIM, body);
    }

    private Hostile hugeValues(int i) {
        return switch (i % 5) {
            case 0 -> new Hostile("huge", "POST", "/Users", SCIM,
                    "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + "u".repeat(100_000 + random.nextInt(1000)) + "\"}");
            case 1 -> new Hostile("huge", "PATCH", "/Users/" + user(), SCIM, patch("replace", "name.givenName",
                    "\"" + "g".repeat(300_000) + "\""));
            case 2 -> new Hostile("huge", "PATCH", "/Groups/" + group(), SCIM, patch("add", "members",
                    "[" + "{\"value\":\"nobody\"},".repeat(5_000) + "{\"value\":\"nobody\"}]"));
            case 3 -> new Hostile("huge", "GET", "/Users?filter=" + enc("userName eq \"" + "x".repeat(20_000) + "\" or "
                    + "userName eq \"y\" or ".repeat(50) + "userName eq \"z\""), null, null);
            default -> new Hostile("huge", "PUT", "/Users/" + user(), SCIM, "{\"schemas\":[\"" + USER_URN
                    + "\"],\"userName\":\"big\",\"emails\":[" + "{\"value\":\"e@example.com\"},".repeat(10_000)
                    + "{\"value\":\"bad\",\"primary\":\"x\"}]}");
        };
    }

    private Hostile deepNesting(int i) {
        int depth = 500 + random.nextInt(20_000);
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return switch (i % 4) {
            case 0 -> new Hostile("deep-nesting", "POST", "/Users", SCIM, "{\"userName\":" + nested + "}");
            case 1 -> new Hostile("deep-nesting", "PATCH", "/Users/" + user(), SCIM, objects);
            case 2 -> new Hostile("deep-nesting", "GET", "/Users?filter=" + enc("(".repeat(depth / 10) + "userName eq \"a\""
                    + ")".repeat(depth / 10)), null, null);
            default -> new Hostile("deep-nesting", "GET", "/Users?filter=" + enc("not(".repeat(depth / 10) + "userName pr"
                    + ")".repeat(depth / 10 - 1)), null, null);
        };
    }

    private Hostile badFilters(int i) {
        String filter = pick(FILTERS);
        String path = i % 3 == 0 ? "/Groups" : "/Users";
        return new Hostile("bad-filter", "GET", path + "?filter=" + enc(filter), null, null);
    }

    private Hostile badPatchPaths(int i) {
        String value = i % 2 == 0 ? "\"v\"" : "{\"value\":\"v\"}";
        String op = i % 3 == 0 ? "remove" : "replace";
        String target = i % 4 == 0 ? "/Groups/" + pick(patchGroupIds) : "/Users/" + pick(patchUserIds);
        return new Hostile("bad-patch-path", "PATCH", target, SCIM, patch(op, pick(PATCH_PATHS), value));
    }

    private Hostile badPatchBodies(int i) {
        String target = "/Users/" + pick(patchUserIds);
        String body = switch (i % 8) {
            case 0 -> "{\"schemas\":[\"" + PATCH_URN + "\"]}";
            case 1 -> "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[]}";
            case 2 -> "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":{}}";
            case 3 -> "{\"schemas\":[\"urn:wrong\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";
            case 4 -> "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[{\"op\":\"" + pick(OPS) + "x\",\"path\":\"active\",\"value\":false}]}";
            case 5 -> "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[{\"op\":\"add\"}]}";
            case 6 -> "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":\"not-an-object\"}]}";
            default -> "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
                    + "{\"op\":\"replace\",\"path\":\"nope.nope\",\"value\":1}]}";
        };
        return new Hostile("bad-patch-body", "PATCH", target, SCIM, body);
    }

    private Hostile wrongContentTypes(int i) {
        String valid = "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"ctype-" + i + "\"}";
        return switch (i % 3) {
            case 0 -> new Hostile("content-type", "POST", "/Users", pick(CONTENT_TYPES), valid);
            case 1 -> new Hostile("content-type", "PUT", "/Users/" + user(), pick(CONTENT_TYPES), valid);
            default -> new Hostile("content-type", "PATCH", "/Users/" + user(), pick(CONTENT_TYPES),
                    patch("replace", "active", "false"));
        };
    }

    private Hostile unicodeEdges(int i) {
        String evil = pick(UNICODE) + pick(UNICODE);
        String json = jsonString(evil);
        return switch (i % 4) {
            // A userName made only of control, format or unpaired surrogate characters is refused
            case 0 -> new Hostile("unicode", "POST", "/Users", SCIM, "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":"
                    + jsonString("\u0000" + evil) + "}");
            case 1 -> new Hostile("unicode", "GET", "/Users?filter=" + enc("userName eq " + json) + "&" + pick(BAD_QUERIES),
                    null, null);
            case 2 -> new Hostile("unicode", "PATCH", "/Users/" + user(), SCIM, patch("replace", evil, json));
            default -> new Hostile("unicode", "GET", "/Users/" + enc(evil), null, null);
        };
    }

    private Hostile badQueries(int i) {
        String path = i % 2 == 0 ? "/Users" : "/Groups";
        return new Hostile("bad-query", "GET", path + "?" + pick(BAD_QUERIES), null, null);
    }

    private Hostile badIds(int i) {
        String id = switch (i % 5) {
            case 0 -> "no-such-id";
            case 1 -> "x".repeat(5_000);
            case 2 -> enc("../" + user());
            case 3 -> enc("' or '1'='1");
            default -> enc("\u0000");
        };
        String[] methods = {"GET", "PUT", "PATCH", "DELETE"};
        String method = methods[random.nextInt(methods.length)];
        String body = method.equals("PATCH") ? patch("replace", "active", "false")
                : method.equals("PUT") ? "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"ghost\"}" : null;
        return new Hostile("bad-id", method, (i % 2 == 0 ? "/Users/" : "/Groups/") + id, body == null ? null : SCIM, body);
    }

    private String patch(String op, String path, String rawValue) {
        return "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[{\"op\":\"" + op + "\",\"path\":" + jsonString(path)
                + ",\"value\":" + rawValue + "}]}";
    }

    private String user() {
        return userIds.get(random.nextInt(userIds.size()));
    }

    private String group() {
        return groupIds.get(random.nextInt(groupIds.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A JSON string literal; unpaired surrogates and control characters are written as escapes. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == '\u2028') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
