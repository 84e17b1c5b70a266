package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.filter.FilterPrinter;
import dev.kcscim.server.query.Cursor;
import dev.kcscim.server.query.CursorCodec;
import dev.kcscim.server.query.CursorPager;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Cursor paging of {@code /Users} (RFC 9865). In the default order ({@code userName} ascending) with a filter
 * the database answers exactly, pages are keyset reads of the user table ({@link UserKeyset}): any depth costs
 * one indexed query. Any other filter or sort is evaluated in memory over at most
 * {@link dev.kcscim.server.query.ScimLimits#maxScan()} candidates (else {@code 400 tooMany}) and paged by the
 * same keyset (sort key, id) over the sorted matches. Either way a cursor names a row, not an offset, so users
 * created or deleted between pages neither shift nor repeat the others.
 */
final class UserCursorQuery {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserMapper mapper;
    private final UserQuery indexQuery;

    UserCursorQuery(KeycloakSession session, RealmModel realm, UserMapper mapper, UserQuery indexQuery) {
        this.session = session;
        this.realm = realm;
        this.mapper = mapper;
        this.indexQuery = indexQuery;
    }

    ObjectNode run(ListQuery query) {
        String fingerprint = CursorCodec.fingerprint("User", query.filter() == null ? null : FilterPrinter.print(query.filter()),
                query.sortBy(), query.descending());
        Cursor position = CursorPager.position(query.cursor(), fingerprint);
        boolean withGroups = Pages.includes(query.projection(), "groups");
        UserPushDown pushDown = UserPushDown.of(query.filter(), mapper.custom());
        boolean dbOrder = query.sortBy() == null || (query.sortBy().equalsIgnoreCase("userName") && !query.descending());
        if (dbOrder && pushDown.exact() && pushDown.userId() == null && pushDown.groupId() == null
                && UserKeyset.supports(realm, pushDown.params())) {
            org.keycloak.models.GroupModel organization = dev.kcscim.server.org.OrgContext.membershipGroup(session);
            UserKeyset keyset = new UserKeyset(session, realm, pushDown.params(), organization == null ? null : organization.getId());
            CursorPager.Page<String> page = CursorPager.page(keyset, position, query.count());
            List<ObjectNode> resources = new ArrayList<>();
            for (CursorPager.Row<String> row : page.rows()) {
                UserModel user = session.users().getUserById(realm, row.item());
                if (user != null) {
                    resources.add(query.projection().apply(mapper.toJson(user, withGroups), mapper.schema()));
                }
            }
            long total = organization == null ? session.users().getUsersCount(realm, pushDown.params()) : keyset.count();
            return CursorPager.listResponse(page, resources, total, fingerprint);
        }
        List<ObjectNode> matches = indexQuery.allMatches(query, withGroups);
        String sortBy = query.sortBy() == null ? "userName" : query.sortBy();
        List<CursorPager.Row<ObjectNode>> rows = new ArrayList<>(matches.size());
        for (ObjectNode json : matches) {
            rows.add(new CursorPager.Row<>(Pages.sortKey(json, sortBy, mapper.schema()), json.path("id").asText(), json));
        }
        CursorPager.Page<ObjectNode> page = CursorPager.page(CursorPager.inMemory(rows, Pages.keyOrder(query.descending())),
                position, query.count());
        List<ObjectNode> resources = CursorPager.resources(page, json -> query.projection().apply(json, mapper.schema()));
        return CursorPager.listResponse(page, resources, matches.size(), fingerprint);
    }
}
