package dev.kcscim.server.group;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.filter.FilterPrinter;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.server.query.Cursor;
import dev.kcscim.server.query.CursorCodec;
import dev.kcscim.server.query.CursorPager;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Cursor paging of {@code /Groups} (RFC 9865). Without a filter, in the default order ({@code displayName}
 * ascending), pages are keyset reads of the group table ({@link GroupKeyset}). With a filter or another sort the
 * matches (at most {@link dev.kcscim.server.query.ScimLimits#maxScan()} candidates) are paged by the same
 * (sort key, id) keyset in memory. Cursors name rows, so concurrent creates and deletes shift nothing.
 */
final class GroupCursorQuery {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupMapper mapper;
    private final GroupQuery indexQuery;

    GroupCursorQuery(KeycloakSession session, RealmModel realm, GroupMapper mapper, GroupQuery indexQuery) {
        this.session = session;
        this.realm = realm;
        this.mapper = mapper;
        this.indexQuery = indexQuery;
    }

    ObjectNode run(ListQuery query) {
        String fingerprint = CursorCodec.fingerprint("Group", query.filter() == null ? null : FilterPrinter.print(query.filter()),
                query.sortBy(), query.descending());
        Cursor position = CursorPager.position(query.cursor(), fingerprint);
        boolean withMembers = Pages.includes(query.projection(), "members");
        boolean dbOrder = query.sortBy() == null || (query.sortBy().equalsIgnoreCase("displayName") && !query.descending());
        if (query.filter() == null && dbOrder && dev.kcscim.server.org.OrgContext.current(session) == null) {
            CursorPager.Page<String> page = CursorPager.page(new GroupKeyset(session, realm), position, query.count());
            List<ObjectNode> resources = new ArrayList<>();
            for (CursorPager.Row<String> row : page.rows()) {
                GroupModel group = session.groups().getGroupById(realm, row.item());
                if (group != null) {
                    resources.add(indexQuery.project(query, mapper.toJson(group, withMembers)));
                }
            }
            return CursorPager.listResponse(page, resources, session.groups().getGroupsCount(realm, false), fingerprint);
        }
        List<GroupQuery.Match> matches = indexQuery.allMatches(query);
        String sortBy = query.sortBy() == null ? "displayName" : query.sortBy();
        List<CursorPager.Row<GroupModel>> rows = new ArrayList<>(matches.size());
        for (GroupQuery.Match match : matches) {
            rows.add(new CursorPager.Row<>(Pages.sortKey(match.json(), sortBy, CoreSchemas.GROUP_RESOURCE),
                    match.group().getId(), match.group()));
        }
        CursorPager.Page<GroupModel> page = CursorPager.page(CursorPager.inMemory(rows, Pages.keyOrder(query.descending())),
                position, query.count());
        List<ObjectNode> resources = CursorPager.resources(page, group -> indexQuery.project(query, mapper.toJson(group, withMembers)));
        return CursorPager.listResponse(page, resources, matches.size(), fingerprint);
    }
}
