package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.filter.FilterPrinter;
import dev.kcscim.core.filter.JsonFilterEvaluator;
import dev.kcscim.server.org.OrgContext;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code GET /Users} and {@code POST /Users/.search} (RFC 7644 §3.4.2, §3.4.3). What {@link UserPushDown}
 * can answer runs as one paged, counted database query in Keycloak's order (username ascending, which is
 * {@code userName} ignoring case, so paging is stable). Anything else is evaluated with scim-core's
 * {@link JsonFilterEvaluator} over the database candidates, read in pages, and refused with
 * {@code 400 tooMany} when there are more than {@link dev.kcscim.server.query.ScimLimits#maxScan()} of them.
 * Inside an organization's API ({@link dev.kcscim.server.org.OrgContext}) only its members are candidates: an
 * exactly pushed-down filter becomes one query joined with the organization's membership ({@link UserKeyset}).
 */
public final class UserQuery {

    private static final int CHUNK = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserMapper mapper;

    public UserQuery(KeycloakSession session, RealmModel realm, UserMapper mapper) {
        this.session = session;
        this.realm = realm;
        this.mapper = mapper;
    }

    public ObjectNode run(ListQuery query) {
        if (query.cursorPaging()) {
            return new UserCursorQuery(session, realm, mapper, this).run(query);
        }
        UserPushDown pushDown = UserPushDown.of(query.filter(), mapper.custom());
        boolean withGroups = Pages.includes(query.projection(), "groups");
        boolean dbOrder = query.sortBy() == null
                || (query.sortBy().equalsIgnoreCase("userName") && !query.descending());
        GroupModel organization = OrgContext.membershipGroup(session);
        if (pushDown.userId() != null) {
            return inMemory(query, byId(pushDown.userId()), 1, withGroups);
        }
        if (pushDown.groupId() != null) {
            GroupModel group = group(pushDown.groupId());
            if (group == null) {
                return Pages.listResponse(List.of(), 0, query.startIndex());
            }
            int members = session.users().getUsersCount(realm, Set.of(group.getId()));
            if (pushDown.exact() && pushDown.params().size() == 2 && dbOrder && organization == null) {
                List<UserModel> page = query.count() == 0 ? List.of() : session.users()
                        .getGroupMembersStream(realm, group, query.startIndex() - 1, query.count())
                        .filter(user -> user.getServiceAccountClientLink() == null)
                        .collect(Collectors.toList());
                return page(page, members, query, withGroups);
            }
            Pages.requireScannable(members);
            return inMemory(query, visible(session.users().getGroupMembersStream(realm, group)), members, withGroups);
        }
        if (pushDown.email() != null) {
            List<UserModel> candidates = byEmail(pushDown.email());
            return inMemory(query, candidates.stream(), candidates.size(), withGroups);
        }
        if (organization != null && pushDown.exact() && dbOrder && UserKeyset.supports(realm, pushDown.params())) {
            // the organization's members matching the filter, paged and counted in one joined query each
            UserKeyset keyset = new UserKeyset(session, realm, pushDown.params(), organization.getId());
            List<UserModel> page = query.count() == 0 ? List.of() : keyset.ids(query.startIndex() - 1, query.count())
                    .stream().map(id -> session.users().getUserById(realm, id)).filter(java.util.Objects::nonNull).toList();
            return page(page, keyset.count(), query, withGroups);
        }
        if (organization != null) {
            return inMemory(query, organizationCandidates(pushDown, organization), organizationBound(pushDown, organization), withGroups);
        }
        if (pushDown.exact() && dbOrder) {
            List<UserModel> page = query.count() == 0 ? List.of() : session.users()
                    .searchForUserStream(realm, pushDown.params(), query.startIndex() - 1, query.count())
                    .collect(Collectors.toList());
            // a short first page is the whole result: the count query is skipped (the common "userName eq" lookup)
            long total = query.startIndex() == 1 && page.size() < query.count() ? page.size()
                    : session.users().getUsersCount(realm, pushDown.params());
            return page(page, total, query, withGroups);
        }
        int candidates = session.users().getUsersCount(realm, pushDown.params());
        Pages.requireScannable(candidates);
        return inMemory(query, chunked(pushDown), candidates, withGroups);
    }

    private ObjectNode page(List<UserModel> users, long total, ListQuery query, boolean withGroups) {
        List<ObjectNode> resources = new ArrayList<>(users.size());
        for (UserModel user : users) {
            resources.add(query.projection().apply(mapper.toJson(user, withGroups), mapper.schema()));
        }
        return Pages.listResponse(resources, total, query.startIndex());
    }

    /** Filters and sorts at most {@link dev.kcscim.server.query.ScimLimits#maxScan()} candidates in memory, then cuts the page. */
    private ObjectNode inMemory(ListQuery query, Stream<UserModel> candidates, long bound, boolean withGroups) {
        List<ObjectNode> matches = filter(query, candidates, bound, withGroups);
        if (query.sortBy() != null) {
            matches.sort(Pages.comparator(query.sortBy(), query.descending(), mapper.schema()));
        }
        int from = Math.min(matches.size(), query.startIndex() - 1);
        int to = Math.min(matches.size(), from + query.count());
        List<ObjectNode> resources = new ArrayList<>(to - from);
        for (ObjectNode json : matches.subList(from, to)) {
            resources.add(query.projection().apply(json, mapper.schema()));
        }
        return Pages.listResponse(resources, matches.size(), query.startIndex());
    }

    /**
     * Every user matching {@code query}'s filter as full JSON, evaluated in memory over the candidates the
     * database narrows down to; {@code 400 tooMany} past {@link dev.kcscim.server.query.ScimLimits#maxScan()}.
     */
    List<ObjectNode> allMatches(ListQuery query, boolean withGroups) {
        UserPushDown pushDown = UserPushDown.of(query.filter(), mapper.custom());
        if (pushDown.userId() != null) {
            return filter(query, byId(pushDown.userId()), 1, withGroups);
        }
        if (pushDown.groupId() != null) {
            GroupModel group = group(pushDown.groupId());
            if (group == null) {
                return List.of();
            }
            int members = session.users().getUsersCount(realm, Set.of(group.getId()));
            return filter(query, visible(session.users().getGroupMembersStream(realm, group)), members, withGroups);
        }
        if (pushDown.email() != null) {
            List<UserModel> candidates = byEmail(pushDown.email());
            return filter(query, candidates.stream(), candidates.size(), withGroups);
        }
        GroupModel organization = OrgContext.membershipGroup(session);
        if (organization != null) {
            return filter(query, organizationCandidates(pushDown, organization), organizationBound(pushDown, organization), withGroups);
        }
        int candidates = session.users().getUsersCount(realm, pushDown.params());
        return filter(query, chunked(pushDown), candidates, withGroups);
    }

    /**
     * The users whose Keycloak email is {@code email} (exact, case-insensitive) or whose SCIM emails hold it: two
     * indexed lookups, so {@code emails.value eq} and Entra's work-email filter never scan the realm.
     */
    private List<UserModel> byEmail(String email) {
        Map<String, UserModel> users = new LinkedHashMap<>();
        Map<String, String> byColumn = Map.of(UserModel.EMAIL, email, UserModel.EXACT, "true",
                UserModel.INCLUDE_SERVICE_ACCOUNT, "false");
        session.users().searchForUserStream(realm, byColumn, 0, dev.kcscim.server.query.ScimLimits.current().maxScan())
                .forEach(user -> users.put(user.getId(), user));
        session.users().searchForUserByUserAttributeStream(realm, UserAttributes.EMAIL_VALUE, email)
                .limit(dev.kcscim.server.query.ScimLimits.current().maxScan())
                .filter(user -> user.getServiceAccountClientLink() == null)
                .forEach(user -> users.putIfAbsent(user.getId(), user));
        return visible(users.values().stream()).collect(Collectors.toList());
    }

    private List<ObjectNode> filter(ListQuery query, Stream<UserModel> candidates, long bound, boolean withGroups) {
        Pages.requireScannable(bound);
        JsonFilterEvaluator evaluator = new JsonFilterEvaluator(mapper.schema());
        boolean groupsInFilter = query.filter() != null
                && FilterPrinter.print(query.filter()).toLowerCase(Locale.ROOT).contains("groups");
        List<ObjectNode> matches = new ArrayList<>();
        candidates.filter(user -> user.getServiceAccountClientLink() == null).forEach(user -> {
            ObjectNode json = mapper.toJson(user, withGroups || groupsInFilter);
            if (query.filter() == null || evaluator.matches(query.filter(), json)) {
                matches.add(json);
            }
        });
        return matches;
    }

    private Stream<UserModel> byId(String id) {
        UserModel user = session.users().getUserById(realm, id);
        return user == null ? Stream.empty() : visible(Stream.of(user));
    }

    /** The group a {@code groups.value eq} names, if visible ({@link OrgContext}); else null. */
    private GroupModel group(String id) {
        GroupModel group = session.groups().getGroupById(realm, id);
        return group != null && OrgContext.sees(session, group) ? group : null;
    }

    /** Only the users the request may see: the organization's members inside an organization's API. */
    private Stream<UserModel> visible(Stream<UserModel> users) {
        return OrgContext.current(session) == null ? users : users.filter(user -> OrgContext.sees(session, user));
    }

    /**
     * An organization's candidates for in-memory evaluation: the realm search's (kept only for members) when it
     * narrows more than the organization's membership does, else the organization's members.
     */
    private Stream<UserModel> organizationCandidates(UserPushDown pushDown, GroupModel organization) {
        if (pushDown.params().size() > 2
                && session.users().getUsersCount(realm, pushDown.params()) < membersOf(organization)) {
            return visible(chunked(pushDown));
        }
        return Stream.iterate(0, offset -> offset + CHUNK)
                .map(offset -> session.users().getGroupMembersStream(realm, organization, offset, CHUNK)
                        .collect(Collectors.toList()))
                .takeWhile(chunk -> !chunk.isEmpty())
                .flatMap(List::stream);
    }

    private long organizationBound(UserPushDown pushDown, GroupModel organization) {
        long members = membersOf(organization);
        return pushDown.params().size() > 2 ? Math.min(members, session.users().getUsersCount(realm, pushDown.params())) : members;
    }

    private int membersOf(GroupModel organization) {
        return session.users().getUsersCount(realm, Set.of(organization.getId()));
    }

    /** The candidates read from the database in pages of {@link #CHUNK}, never all at once. */
    private Stream<UserModel> chunked(UserPushDown pushDown) {
        return Stream.iterate(0, offset -> offset + CHUNK)
                .map(offset -> session.users().searchForUserStream(realm, pushDown.params(), offset, CHUNK)
                        .collect(Collectors.toList()))
                .takeWhile(chunk -> !chunk.isEmpty())
                .flatMap(List::stream);
    }
}
