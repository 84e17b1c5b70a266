package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operations measured at one realm size, each with the same request expressed for our SCIM API, Keycloak's
 * Admin REST API and Keycloak's native SCIM API. Lookups walk through users spread over the whole realm, with a
 * different walk per system so no system reads users another one has just pulled into Keycloak's user cache.
 */
final class Scenarios {

    static final String OURS = "ours (SCIM)";
    /** Ours called as Entra ID and Okta call it: with a provisioning token instead of an OAuth access token. */
    static final String OURS_TOKEN = "ours (SCIM), provisioning token";
    static final String ADMIN = "Admin REST";
    static final String NATIVE = "native SCIM";
    static final String OURS_USER_PATCH = "ours: single-user PATCH";
    static final String OURS_SINGLE_POSTS = "ours: 1,000 single POST /Users";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final BenchRealm realm;
    private final BenchHttp http;
    private final int size;

    Scenarios(BenchRealm realm, int size) {
        this.realm = realm;
        this.http = realm.http();
        this.size = size;
    }

    /** A user index spread over the realm, different for each system ({@code salt}). */
    private int spread(int sequence, int salt) {
        return (int) ((sequence * 7919L + salt * 104_729L) % size);
    }

    Operation userNameLookup(String name, int opsPerRound) {
        return new Operation(name, opsPerRound, List.of(
                Operation.variant(OURS, s -> scimFilter(realm.oursBase(), "userName eq \"" + DataLoader.username(spread(s, 1)) + "\""),
                        Scenarios::oneScimResult),
                Operation.variant(ADMIN, s -> http.get(realm.adminBase() + "/users?exact=true&username="
                        + DataLoader.username(spread(s, 2))), Scenarios::oneAdminResult),
                Operation.variant(NATIVE, s -> scimFilter(realm.nativeBase(), "userName eq \"" + DataLoader.username(spread(s, 3)) + "\""),
                        Scenarios::oneScimResult)));
    }

    /**
     * The work-email lookup in the form Entra ID sends ({@code emails[type eq "work"].value eq "x"}) and in the
     * RFC 7644 §3.4.2.2 grammar's own form ({@code emails[type eq "work" and value eq "x"]}), which Keycloak's
     * native parser requires.
     */
    Operation workEmailLookup(int opsPerRound) {
        String entra = "emails[type eq \"work\"].value eq \"%s\"";
        String rfc = "emails[type eq \"work\" and value eq \"%s\"]";
        return new Operation(ReportWriter.EMAIL, opsPerRound, List.of(
                Operation.variant(OURS, s -> scimFilter(realm.oursBase(), String.format(entra, DataLoader.email(spread(s, 4)))),
                        Scenarios::oneScimResult),
                Operation.variant(OURS + ", [.. and value eq ..]", s -> scimFilter(realm.oursBase(),
                        String.format(rfc, DataLoader.email(spread(s, 7)))), Scenarios::oneScimResult),
                Operation.variant(ADMIN + " (email=..&exact=true)", s -> http.get(realm.adminBase() + "/users?exact=true&email="
                        + BenchHttp.encode(DataLoader.email(spread(s, 5)))), Scenarios::oneAdminResult),
                Operation.variant(NATIVE, s -> scimFilter(realm.nativeBase(), String.format(entra, DataLoader.email(spread(s, 6)))),
                        Scenarios::oneScimResult),
                Operation.variant(NATIVE + ", [.. and value eq ..]", s -> scimFilter(realm.nativeBase(),
                        String.format(rfc, DataLoader.email(spread(s, 8)))), Scenarios::oneScimResult)));
    }

    Operation create(String name, int opsPerRound, String tag) {
        return new Operation(name, opsPerRound, List.of(
                Operation.variant(OURS, s -> http.send("POST", realm.oursBase() + "/Users", BenchHttp.SCIM_JSON,
                        scimUser(createdName("o", tag, s)))),
                Operation.variant(OURS_TOKEN, s -> realm.provisioningHttp().send("POST", realm.oursBase() + "/Users",
                        BenchHttp.SCIM_JSON, scimUser(createdName("p", tag, s)))),
                Operation.variant(ADMIN, s -> http.send("POST", realm.adminBase() + "/users", BenchHttp.APP_JSON,
                        adminUser(createdName("a", tag, s)))),
                Operation.variant(NATIVE, s -> http.send("POST", realm.nativeBase() + "/Users", BenchHttp.SCIM_JSON,
                        scimUser(createdName("n", tag, s))))));
    }

    /** Page 100 users at 90% of the realm ({@code startIndex=90001&count=100} at 100k). */
    Operation deepPage(int opsPerRound) {
        int offset = size / 10 * 9;
        return new Operation(ReportWriter.DEEP_PAGE, opsPerRound, List.of(
                Operation.variant(OURS, s -> http.get(realm.oursBase() + "/Users?startIndex=" + (offset + 1) + "&count=100"),
                        e -> e.json().path("Resources").size() == 100),
                Operation.variant(ADMIN, s -> http.get(realm.adminBase() + "/users?first=" + offset + "&max=100"),
                        e -> e.json().size() == 100),
                Operation.variant(NATIVE, s -> http.get(realm.nativeBase() + "/Users?startIndex=" + (offset + 1) + "&count=100"),
                        e -> e.json().path("Resources").size() == 100)));
    }

    /** Replace {@code name.givenName} of users from three disjoint pools (Admin REST: PUT of the representation). */
    Operation patchName(int opsPerRound, List<Pooled> oursPool, List<Pooled> adminPool, List<Pooled> nativePool) {
        return new Operation(ReportWriter.PATCH, opsPerRound, List.of(
                Operation.variant(OURS, s -> patchGivenName(realm.oursBase(), oursPool.get(s % oursPool.size()).id(), s)),
                Operation.variant(ADMIN + " (PUT user)", s -> putFirstName(adminPool.get(s % adminPool.size()), s)),
                Operation.variant(NATIVE, s -> patchGivenName(realm.nativeBase(), nativePool.get(s % nativePool.size()).id(), s))));
    }

    /**
     * Add one user to the big group, each call a different non-member; alongside, our single-user PATCH (the
     * goal's yardstick) in the same rounds.
     */
    Operation memberAdd(int opsPerRound, List<Pooled> oursNew, List<Pooled> adminNew, List<Pooled> nativeNew,
            List<Pooled> patchPool) {
        String group = realm.groupId();
        return new Operation(ReportWriter.MEMBER_ADD, opsPerRound, List.of(
                Operation.variant(OURS, s -> addMember(realm.oursBase(), group, oursNew.get(s).id())),
                Operation.variant(OURS_USER_PATCH, s -> patchGivenName(realm.oursBase(), patchPool.get(s % patchPool.size()).id(), s)),
                Operation.variant(ADMIN + " (PUT /users/{id}/groups/{gid})", s -> http.send("PUT",
                        realm.adminBase() + "/users/" + adminNew.get(s).id() + "/groups/" + group, null, null)),
                Operation.variant(NATIVE, s -> addMember(realm.nativeBase(), group, nativeNew.get(s).id()))));
    }

    /** The id of user {@code i}, through the Admin REST API (not timed). */
    String userId(int i) {
        BenchHttp.Exchange found = http.get(realm.adminBase() + "/users?briefRepresentation=true&exact=true&username="
                + DataLoader.username(i));
        JsonNode users = found.json();
        if (!found.ok() || users.size() != 1) {
            throw new IllegalStateException("cannot find " + DataLoader.username(i) + ": " + found.abbreviated());
        }
        return users.get(0).path("id").asText();
    }

    /** A loaded user: its index (which gives its username, email and names) and its id. */
    record Pooled(int index, String id) {
    }

    /** {@code count} users with indices from {@code first}, stepping by {@code step}. */
    List<Pooled> users(int first, int step, int count) {
        List<Pooled> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = first + i * step;
            if (index >= size) {
                throw new IllegalStateException("user pool runs past the realm: index " + index + " of " + size);
            }
            users.add(new Pooled(index, userId(index)));
        }
        return users;
    }

    private BenchHttp.Exchange scimFilter(String base, String filter) {
        return http.get(base + "/Users?filter=" + BenchHttp.encode(filter));
    }

    private BenchHttp.Exchange patchGivenName(String base, String id, int sequence) {
        ObjectNode patch = BenchHttp.JSON.createObjectNode();
        patch.putArray("schemas").add(PATCH_SCHEMA);
        patch.putArray("Operations").addObject().put("op", "replace").put("path", "name.givenName")
                .put("value", "Given" + sequence);
        return http.send("PATCH", base + "/Users/" + id, BenchHttp.SCIM_JSON, patch);
    }

    /** The representation's other fields as loaded, so the PUT changes the first name only. */
    private BenchHttp.Exchange putFirstName(Pooled user, int sequence) {
        ObjectNode rep = BenchHttp.JSON.createObjectNode().put("username", DataLoader.username(user.index()))
                .put("email", DataLoader.email(user.index())).put("firstName", "Given" + sequence)
                .put("lastName", "Last" + user.index()).put("enabled", true);
        return http.send("PUT", realm.adminBase() + "/users/" + user.id(), BenchHttp.APP_JSON, rep);
    }

    private BenchHttp.Exchange addMember(String base, String groupId, String userId) {
        ObjectNode patch = BenchHttp.JSON.createObjectNode();
        patch.putArray("schemas").add(PATCH_SCHEMA);
        patch.putArray("Operations").addObject().put("op", "add").put("path", "members")
                .putArray("value").addObject().put("value", userId);
        return http.send("PATCH", base + "/Groups/" + groupId, BenchHttp.SCIM_JSON, patch);
    }

    /** Created users sort after the loaded {@code user...} ones, so the deep page still lands on loaded users. */
    static String createdName(String system, String tag, int sequence) {
        return String.format(Locale.ROOT, "zc-%s-%s-%06d", tag, system, sequence);
    }

    static ObjectNode scimUser(String userName) {
        ObjectNode user = BenchHttp.JSON.createObjectNode();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("userName", userName);
        user.putObject("name").put("givenName", "Given").put("familyName", "Family");
        user.putArray("emails").addObject().put("value", userName + "@example.com").put("type", "work").put("primary", true);
        user.put("active", true);
        return user;
    }

    private static ObjectNode adminUser(String username) {
        return BenchHttp.JSON.createObjectNode().put("username", username).put("email", username + "@example.com")
                .put("firstName", "Given").put("lastName", "Family").put("enabled", true);
    }

    private static boolean oneScimResult(BenchHttp.Exchange exchange) {
        JsonNode json = exchange.json();
        return json.path("totalResults").asInt(-1) == 1 && json.path("Resources").size() == 1;
    }

    private static boolean oneAdminResult(BenchHttp.Exchange exchange) {
        return exchange.json().size() == 1;
    }
}
