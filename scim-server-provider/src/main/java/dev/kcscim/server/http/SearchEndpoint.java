package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.server.group.GroupQuery;
import dev.kcscim.server.group.GroupService;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import dev.kcscim.server.user.UserQuery;
import dev.kcscim.server.user.UserService;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;

/**
 * {@code POST /.search} at the service provider root (RFC 7644 §3.4.3): one query over Users and Groups.
 * The result is the Users result followed by the Groups result, each in its own order ({@code sortBy} applies
 * within each type): {@code totalResults} is the sum, and {@code startIndex}/{@code count} index into that
 * concatenation, so index paging is as stable as each type's. With a {@code cursor} the Users are paged
 * first and then the Groups; a cursor starting with {@code U.} or {@code G.} says which type it continues, and
 * {@code previousCursor} is offered within a type. A filter naming attributes a type does not have matches
 * nothing of that type ({@code 400} only when neither type accepts it).
 */
final class SearchEndpoint extends EndpointSupport {

    private static final String USERS = "U.";
    private static final String GROUPS = "G.";

    private final UserService users;
    private final GroupService groups;

    SearchEndpoint(KeycloakSession session) {
        super(session);
        this.users = new UserService(session, realm, urls);
        this.groups = new GroupService(session, realm, urls);
    }

    Response search(String body) {
        return call("POST", () -> {
            reader();
            ListQuery query = ListQuery.of(body(body));
            return ok(query.cursorPaging() ? byCursor(query) : byIndex(query));
        });
    }

    private ObjectNode byIndex(ListQuery query) {
        ObjectNode userPage = orEmpty(q -> new UserQuery(session, realm, users.mapper()).run(q), query, null);
        long userTotal = userPage.path("totalResults").asLong();
        int taken = userPage.path("Resources").size();
        int groupStart = (int) Math.max(1, query.startIndex() - userTotal);
        ListQuery groupQuery = query.withPage(groupStart, Math.max(0, query.count() - taken));
        ObjectNode groupPage = orEmpty(q -> new GroupQuery(session, realm, groups.mapper()).run(q), groupQuery,
                userPage.has("error") ? userPage : null);
        List<ObjectNode> resources = new ArrayList<>();
        userPage.path("Resources").forEach(r -> resources.add((ObjectNode) r));
        groupPage.path("Resources").forEach(r -> resources.add((ObjectNode) r));
        return Pages.listResponse(resources, userTotal + groupPage.path("totalResults").asLong(), query.startIndex());
    }

    private ObjectNode byCursor(ListQuery query) {
        String cursor = query.cursor();
        boolean inGroups = cursor.startsWith(GROUPS);
        if (!cursor.isEmpty() && !inGroups && !cursor.startsWith(USERS)) {
            throw ScimException.invalidCursor("The cursor was not issued by this server's root search");
        }
        String inner = cursor.isEmpty() ? "" : cursor.substring(2);
        ObjectNode userPage = null;
        List<ObjectNode> resources = new ArrayList<>();
        String next = null;
        String previous = null;
        int remaining = query.count();
        if (!inGroups) {
            userPage = orEmpty(q -> new UserQuery(session, realm, users.mapper()).run(q), query.withCursor(inner), null);
            userPage.path("Resources").forEach(r -> resources.add((ObjectNode) r));
            remaining -= resources.size();
            next = prefixed(USERS, userPage.path("nextCursor"));
            previous = prefixed(USERS, userPage.path("previousCursor"));
        }
        ObjectNode groupPage = orEmpty(q -> new GroupQuery(session, realm, groups.mapper()).run(q),
                query.withCursor(inGroups ? inner : "").withPage(query.startIndex(), next == null ? remaining : 0), userPage);
        if (next == null) {
            groupPage.path("Resources").forEach(r -> resources.add((ObjectNode) r));
            next = prefixed(GROUPS, groupPage.path("nextCursor"));
            if (next == null && !inGroups && remaining == 0 && groupPage.path("totalResults").asLong() > 0) {
                next = GROUPS; // the page ended exactly with the last user: the groups follow
            }
            if (inGroups) {
                previous = prefixed(GROUPS, groupPage.path("previousCursor"));
            }
        }
        long total = (userPage == null ? countUsers(query) : userPage.path("totalResults").asLong())
                + groupPage.path("totalResults").asLong();
        ObjectNode json = Pages.listResponse(resources, total, 1);
        json.remove("startIndex");
        if (next != null) {
            json.put("nextCursor", next);
        }
        if (previous != null) {
            json.put("previousCursor", previous);
        }
        return json;
    }

    private long countUsers(ListQuery query) {
        return orEmpty(q -> new UserQuery(session, realm, users.mapper()).run(q), query.withCursor(null).withPage(1, 0), null)
                .path("totalResults").asLong();
    }

    /**
     * Runs one type's query. A filter this type cannot evaluate (an attribute it does not have) gives an empty
     * result, unless the other type failed the same way ({@code failedOther}), which makes it the request's error.
     */
    private static ObjectNode orEmpty(Function<ListQuery, ObjectNode> run, ListQuery query, ObjectNode failedOther) {
        try {
            return run.apply(query);
        } catch (ScimException e) {
            boolean typeMismatch = e.scimType() == ScimType.INVALID_FILTER || e.scimType() == ScimType.INVALID_PATH;
            if (!typeMismatch || (failedOther != null && failedOther.has("error"))) {
                throw e;
            }
            ObjectNode empty = Pages.listResponse(List.of(), 0, query.startIndex());
            empty.put("error", true);
            return empty;
        }
    }

    private static String prefixed(String prefix, JsonNode cursor) {
        return cursor.isTextual() ? prefix + cursor.asText() : null;
    }
}
