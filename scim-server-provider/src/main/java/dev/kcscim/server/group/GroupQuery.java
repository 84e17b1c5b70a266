package dev.kcscim.server.group;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.filter.Compare;
import dev.kcscim.core.filter.CompareOp;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.filter.FilterPrinter;
import dev.kcscim.core.filter.JsonFilterEvaluator;
import dev.kcscim.core.filter.ValuePathFilter;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.server.org.OrgContext;
import dev.kcscim.server.query.Conjuncts;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code GET /Groups} and {@code POST /Groups/.search} (RFC 7644 §3.4.2). Without a filter, pages come from
 * the database in name order with an exact count. {@code id eq}, {@code displayName eq},
 * {@code externalId eq} and {@code members.value eq} / {@code members[value eq]} narrow the candidates in
 * the database; the filter is then evaluated in memory over at most {@link dev.kcscim.server.query.ScimLimits#maxScan()} candidates.
 * A {@code members.value} test checks that one membership instead of loading the members. Inside an organization's
 * API ({@link OrgContext}) the candidates are that organization's groups only, evaluated the same way.
 */
public final class GroupQuery {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupMapper mapper;

    public GroupQuery(KeycloakSession session, RealmModel realm, GroupMapper mapper) {
        this.session = session;
        this.realm = realm;
        this.mapper = mapper;
    }

    /** A group matching a query, with the JSON the filter was evaluated on (members only where the filter needs them). */
    record Match(GroupModel group, ObjectNode json) {
    }

    public ObjectNode run(ListQuery query) {
        if (query.cursorPaging()) {
            return new GroupCursorQuery(session, realm, mapper, this).run(query);
        }
        boolean withMembers = Pages.includes(query.projection(), "members");
        boolean dbOrder = query.sortBy() == null || (query.sortBy().equalsIgnoreCase("displayName") && !query.descending());
        if (query.filter() == null && dbOrder && OrgContext.current(session) == null) {
            long total = session.groups().getGroupsCount(realm, false);
            List<ObjectNode> page = query.count() == 0 ? List.of() : session.groups()
                    .searchForGroupByNameStream(realm, "", false, query.startIndex() - 1, query.count())
                    .map(group -> project(query, mapper.toJson(group, withMembers)))
                    .collect(Collectors.toList());
            return Pages.listResponse(page, total, query.startIndex());
        }
        List<Match> matches = allMatches(query);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            order.add(i);
        }
        if (query.sortBy() != null) {
            var comparator = Pages.comparator(query.sortBy(), query.descending(), CoreSchemas.GROUP_RESOURCE);
            order.sort((a, b) -> comparator.compare(matches.get(a).json(), matches.get(b).json()));
        }
        int from = Math.min(order.size(), query.startIndex() - 1);
        int to = Math.min(order.size(), from + query.count());
        List<ObjectNode> page = new ArrayList<>();
        for (int index : order.subList(from, to)) {
            page.add(project(query, mapper.toJson(matches.get(index).group(), withMembers)));
        }
        return Pages.listResponse(page, matches.size(), query.startIndex());
    }

    /**
     * Every group matching {@code query}'s filter, evaluated in memory over the candidates the database narrows
     * down to; {@code 400 tooMany} past {@link dev.kcscim.server.query.ScimLimits#maxScan()} candidates.
     */
    List<Match> allMatches(ListQuery query) {
        String memberId = null;
        Stream<GroupModel> candidates = null;
        long bound = 0;
        for (Filter term : query.filter() == null ? List.<Filter>of() : Conjuncts.of(query.filter())) {
            String member = memberValue(term);
            if (member != null && memberId == null) {
                memberId = member;
            }
            if (candidates == null && term instanceof Compare && ((Compare) term).op() == CompareOp.EQ
                    && ((Compare) term).value() != null && ((Compare) term).value().isTextual()) {
                Compare compare = (Compare) term;
                String value = compare.value().asText();
                if (Conjuncts.isPath(compare, ScimConstants.SCHEMA_GROUP, "id", null)) {
                    GroupModel group = session.groups().getGroupById(realm, value);
                    candidates = group == null ? Stream.empty() : Stream.of(group);
                    bound = 1;
                } else if (Conjuncts.isPath(compare, ScimConstants.SCHEMA_GROUP, "displayName", null)) {
                    // the database compares case-sensitively when exact; "contains" lower-cased is a superset
                    List<GroupModel> found = session.groups().searchForGroupByNameStream(realm, value, false, 0,
                            dev.kcscim.server.query.ScimLimits.current().maxScan() + 1).collect(Collectors.toList());
                    bound = found.size();
                    candidates = found.stream();
                } else if (Conjuncts.isPath(compare, ScimConstants.SCHEMA_GROUP, "externalId", null)) {
                    List<GroupModel> found = session.groups().searchGroupsByAttributes(realm,
                            Map.of(GroupAttributes.EXTERNAL_ID, value), 0, dev.kcscim.server.query.ScimLimits.current().maxScan() + 1).collect(Collectors.toList());
                    bound = found.size();
                    candidates = found.stream();
                }
            }
        }
        if (candidates == null && memberId != null) {
            candidates = groupsOf(memberId);
            bound = 0;
        }
        if (candidates == null && OrgContext.current(session) != null) {
            List<GroupModel> own = OrgContext.groups(session, dev.kcscim.server.query.ScimLimits.current().maxScan() + 1)
                    .collect(Collectors.toList());
            bound = own.size();
            candidates = own.stream();
        }
        if (candidates == null) {
            bound = session.groups().getGroupsCount(realm, false);
            Pages.requireScannable(bound);
            candidates = session.groups().searchForGroupByNameStream(realm, "", false, 0, dev.kcscim.server.query.ScimLimits.current().maxScan());
        }
        Pages.requireScannable(bound);
        return filter(query, candidates.filter(group -> OrgContext.sees(session, group)), memberId);
    }

    private List<Match> filter(ListQuery query, Stream<GroupModel> candidates, String memberId) {
        JsonFilterEvaluator evaluator = new JsonFilterEvaluator(CoreSchemas.GROUP_RESOURCE);
        boolean membersInFilter = query.filter() != null
                && FilterPrinter.print(query.filter()).toLowerCase(Locale.ROOT).contains("members");
        List<Match> matches = new ArrayList<>();
        candidates.forEach(group -> {
            ObjectNode json = mapper.toJson(group, membersInFilter && memberId == null);
            if (membersInFilter && memberId != null) {
                // only the one membership the filter asks about, never the whole member list
                json.putArray("members");
                if (isDirectMember(group, memberId)) {
                    json.withArray("members").add(json.objectNode().put("value", memberId));
                }
            }
            if (query.filter() == null || evaluator.matches(query.filter(), json)) {
                matches.add(new Match(group, json));
            }
        });
        return matches;
    }

    ObjectNode project(ListQuery query, ObjectNode json) {
        return query.projection().apply(json, CoreSchemas.GROUP_RESOURCE);
    }

    private boolean isDirectMember(GroupModel group, String memberId) {
        UserModel user = session.users().getUserById(realm, memberId);
        if (user != null) {
            return OrgContext.groupsOf(session, user).anyMatch(g -> g.getId().equals(group.getId()));
        }
        GroupModel child = session.groups().getGroupById(realm, memberId);
        return child != null && group.getId().equals(child.getParentId());
    }

    private Stream<GroupModel> groupsOf(String memberId) {
        UserModel user = session.users().getUserById(realm, memberId);
        if (user != null) {
            return OrgContext.groupsOf(session, user).collect(Collectors.toList()).stream();
        }
        GroupModel child = session.groups().getGroupById(realm, memberId);
        return child == null || child.getParent() == null ? Stream.empty() : Stream.of(child.getParent());
    }

    /** The id in {@code members.value eq "x"} or {@code members[value eq "x"]}, else null. */
    private static String memberValue(Filter term) {
        if (term instanceof Compare) {
            Compare compare = (Compare) term;
            if (compare.op() == CompareOp.EQ && compare.value() != null && compare.value().isTextual()
                    && (Conjuncts.isPath(compare, ScimConstants.SCHEMA_GROUP, "members", "value")
                    || Conjuncts.isPath(compare, ScimConstants.SCHEMA_GROUP, "members", null))) {
                return compare.value().asText();
            }
        }
        if (term instanceof ValuePathFilter) {
            ValuePathFilter valuePath = (ValuePathFilter) term;
            if (valuePath.path().name().equalsIgnoreCase("members") && valuePath.inner() instanceof Compare) {
                Compare inner = (Compare) valuePath.inner();
                if (inner.op() == CompareOp.EQ && inner.path().name().equalsIgnoreCase("value")
                        && inner.value() != null && inner.value().isTextual()) {
                    return inner.value().asText();
                }
            }
        }
        return null;
    }
}
