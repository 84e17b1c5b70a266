package dev.kcscim.server.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.version.ResourceVersion;
import dev.kcscim.server.audit.ScimAudit;
import dev.kcscim.server.auth.ScimCaller;
import dev.kcscim.server.group.GroupService;
import dev.kcscim.server.http.ScimUrls;
import dev.kcscim.server.org.OrgContext;
import dev.kcscim.server.user.UserService;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Runs one bulk operation (its bulkIds already replaced by ids) in the given session through the same
 * {@link UserService} and {@link GroupService} as the single-resource endpoints, so a bulk write behaves,
 * validates and audits exactly like the equivalent request (RFC 7644 §3.7: "as if" sent alone).
 */
final class BulkRunner {

    /** What a successful operation reports: HTTP status, the resource's id, location and version. */
    record Outcome(int status, String id, String location, String version) {
    }

    private final ScimUrls urls;
    private final ScimCaller caller;
    private final ClientConnection connection;
    private final String organizationId;

    /** {@code organizationId}: the organization the bulk request was sent to ({@link OrgContext}), or null. */
    BulkRunner(ScimUrls urls, ScimCaller caller, ClientConnection connection, String organizationId) {
        this.urls = urls;
        this.caller = caller;
        this.connection = connection;
        this.organizationId = organizationId;
    }

    Outcome run(KeycloakSession session, String method, String path, JsonNode data, String ifMatch) {
        RealmModel realm = session.getContext().getRealm();
        // the operation's own session is scoped like the bulk request, so it sees only what the request may see
        OrgContext.adopt(session, organizationId);
        ScimAudit audit = new ScimAudit(session, realm, caller, connection);
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        String type = segments[0];
        String id = segments.length == 2 ? segments[1] : null;
        if (segments.length > 2 || !(type.equals("Users") || type.equals("Groups"))) {
            throw ScimException.invalidPath("Bulk operations address /Users, /Users/{id}, /Groups or /Groups/{id}, not '" + path + "'");
        }
        if (method.equals("POST") != (id == null)) {
            throw ScimException.invalidPath(method.equals("POST") ? "POST goes to /" + type + ", not '" + path + "'"
                    : method + " needs /" + type + "/{id}, not '" + path + "'");
        }
        return type.equals("Users") ? users(new UserService(session, realm, urls), method, id, data, ifMatch, audit)
                : groups(new GroupService(session, realm, urls), method, id, data, ifMatch, audit);
    }

    private Outcome users(UserService users, String method, String id, JsonNode data, String ifMatch, ScimAudit audit) {
        if (!method.equals("POST")) {
            requireVersion(ifMatch, () -> version(users.get(id, true)), "user " + id);
        }
        switch (method) {
            case "POST":
                return ok(201, users.create((ObjectNode) data, audit));
            case "PUT":
                return ok(200, users.replace(id, (ObjectNode) data, audit));
            case "PATCH":
                return ok(200, users.patch(id, PatchRequest.parse(data), audit));
            default:
                users.delete(id, audit);
                return new Outcome(204, id, urls.user(id), null);
        }
    }

    private Outcome groups(GroupService groups, String method, String id, JsonNode data, String ifMatch, ScimAudit audit) {
        if (!method.equals("POST")) {
            requireVersion(ifMatch, () -> groups.mapper().version(groups.find(id)), "group " + id);
        }
        switch (method) {
            case "POST":
                return ok(201, groups.create((ObjectNode) data, audit));
            case "PUT":
                return ok(200, groups.replace(id, (ObjectNode) data, audit));
            case "PATCH":
                GroupModel group = groups.patch(id, PatchRequest.parse(data), audit);
                return new Outcome(204, id, urls.group(id), groups.mapper().version(groups.find(group.getId())));
            default:
                groups.delete(id, audit);
                return new Outcome(204, id, urls.group(id), null);
        }
    }

    private static Outcome ok(int status, ObjectNode json) {
        return new Outcome(status, json.path("id").asText(), json.path("meta").path("location").asText(), version(json));
    }

    private static String version(ObjectNode json) {
        return json.path("meta").path("version").asText();
    }

    /** RFC 7644 §3.7: an operation's {@code version} is its {@code If-Match}. */
    private static void requireVersion(String ifMatch, java.util.function.Supplier<String> current, String what) {
        if (ifMatch != null) {
            String version = current.get();
            if (!ResourceVersion.matches(ifMatch, version)) {
                throw ScimException.preconditionFailed("version " + ifMatch + " does not match the current version "
                        + version + " of " + what);
            }
        }
    }
}
