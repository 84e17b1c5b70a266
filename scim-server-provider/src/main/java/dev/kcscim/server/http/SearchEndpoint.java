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

    private final UserService userService;
    private final GroupService groupService;

    SearchEndpoint(KeycloakSession session) {
        super(session);
        this.userService = new UserService(session, realm, urls);
        this.groupService = new GroupService(session, realm, urls);
    }

    Response search(String body) {
        return call("POST", () -> {
            reader();
            ListQuery query = ListQuery.of(body(body));
            return ok(query.cursorPaging() ? byCursor(query) : byIndex(query));
        });
    }

    private ObjectNode byIndex(ListQuery query) {
        Part users = run(q -> new UserQuery(session, realm, userService.mapper()).run(q), query);
        long userTotal = users.page().path("totalResults").asLong();
        int taken = users.page().path("Resources").size();
        int groupStart = (int) Math.max(1, query.startIndex() - userTotal);
        Part groups = run(q -> new GroupQuery(session, realm, groupService.mapper()).run(q),
                query.withPage(groupStart, Math.max(0, query.count() - taken)));
        requireOneAccepts(users, groups);
        List<ObjectNode> resources = new ArrayList<>();
        users.page().path("Resources").forEach(r -> resources.add((ObjectNode) r));
        groups.page().path("Resources").forEach(r -> resources.add((ObjectNode) r));
        return Pages.listResponse(resources, userTotal + groups.page().path("totalResults").asLong(), query.startIndex());
    }

    private ObjectNode byCursor(ListQuery query) {
        String cursor = query.cursor();
        boolean inGroups = cursor.startsWith(GROUPS);
        if (!cursor.isEmpty() && !inGroups && !cursor.startsWith(USERS)) {
            throw ScimException.invalidCursor("The cursor was not issued by this server's root search");
        }
        String inner = cursor.isEmpty() ? "" : cursor.substring(2);
        // in the groups phase the users are only counted
        Part users = run(q -> new UserQuery(session, realm, userService.mapper()).run(q),
                inGroups ? query.withCursor(null).withPage(1, 0) : query.withCursor(inner));
        List<ObjectNode> resources = new ArrayList<>();
        users.page().path("Resources").forEach(r -> resources.add((ObjectNode) r));
        String next = prefixed(USERS, users.page().path("nextCursor"));
        String previous = inGroups ? null : prefixed(USERS, users.page().path("previousCursor"));
        int remaining = next == null ? query.count() - resources.size() : 0;
        Part groups = run(q -> new GroupQuery(session, realm, groupService.mapper()).run(q),
                query.withCursor(inGroups ? inner : "").withPage(query.startIndex(), remaining));
        requireOneAccepts(users, groups);
        if (next == null) {
            groups.page().path("Resources").forEach(r -> resources.add((ObjectNode) r));
            next = prefixed(GROUPS, groups.page().path("nextCursor"));
            if (next == null && !inGroups && remaining == 0 && groups.page().path("totalResults").asLong() > 0) {
                next = GROUPS; // the page ended exactly with the last user: the groups follow
            }
            if (inGroups) {
                previous = prefixed(GROUPS, groups.page().path("previousCursor"));
            }
        }
        long total = users.page().path("totalResults").asLong() + groups.page().path("totalResults").asLong();
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

    /** One type's result, or an empty one when the filter or sort names attributes this type does not have. */
    private record Part(ObjectNode page, ScimException mismatch) {
    }

    private static Part run(Function<ListQuery, ObjectNode> query, ListQuery request) {
        try {
            return new Part(query.apply(request), null);
        } catch (ScimException e) {
            if (e.scimType() != ScimType.INVALID_FILTER && e.scimType() != ScimType.INVALID_PATH) {
                throw e;
            }
            return new Part(Pages.listResponse(List.of(), 0, request.startIndex()), e);
        }
    }

    /** A filter or sort that fits neither type is the request's error. */
    private static void requireOneAccepts(Part users, Part groups) {
        if (users.mismatch() != null && groups.mismatch() != null) {
            throw users.mismatch();
        }
    }

    private static String prefixed(String prefix, JsonNode cursor) {
        return cursor.isTextual() ? prefix + cursor.asText() : null;
    }
}
