package dev.kcscim.client.delivery;

import dev.kcscim.client.targets.TargetScope;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Decides whether a user or group is in a target's {@link TargetScope}. The one place the decision is made: change
 * delivery, preview and the full sync all ask here, at the moment they read the resource, so a late row never acts
 * on a stale decision. A scope naming a group, role or organization that no longer exists matches no one, so
 * {@link #problem} is asked first: with a broken scope deliveries wait and full syncs refuse to run, rather than
 * deprovision every account.
 */
public final class ScopeEvaluator {

    private ScopeEvaluator() {
    }

    public static boolean userInScope(KeycloakSession session, RealmModel realm, TargetScope scope, UserModel user) {
        if (user.getServiceAccountClientLink() != null) {
            return false; // a client's service account is no person: never provisioned, deprovisioned if it was
        }
        switch (scope.users()) {
            case ALL:
                return true;
            case GROUPS:
                List<List<String>> chains = user.getGroupsStream().map(ScopeEvaluator::ancestry)
                        .collect(Collectors.toList());
                return matchesGroups(Set.copyOf(scope.userGroupIds()), scope.includeSubgroups(), chains);
            case ROLE:
                RoleModel role = role(realm, scope);
                return role != null && user.hasRole(role);
            case ORGANIZATION:
                OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
                if (organizations == null || !realm.isOrganizationsEnabled()) {
                    return false;
                }
                session.getContext().setRealm(realm);
                OrganizationModel organization = organizations.getById(scope.organizationId());
                return organization != null && organizations.isMember(organization, user);
            default:
                return false;
        }
    }

    /**
     * What is wrong with {@code scope} in {@code realm} right now, or null: a group, role or organization it names
     * no longer exists, or organizations were switched off. Everyone would then be out of scope.
     */
    public static String problem(KeycloakSession session, RealmModel realm, TargetScope scope) {
        switch (scope.users()) {
            case GROUPS:
                for (String id : scope.userGroupIds()) {
                    if (session.groups().getGroupById(realm, id) == null) {
                        return "the target's user scope names group " + id + ", which no longer exists";
                    }
                }
                return null;
            case ROLE:
                return role(realm, scope) != null ? null : "the target's user scope names role "
                        + (scope.roleClientId() == null ? "" : scope.roleClientId() + "/") + scope.roleName()
                        + ", which no longer exists";
            case ORGANIZATION:
                OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
                if (organizations == null || !realm.isOrganizationsEnabled()) {
                    return "the target's user scope is an organization, but organizations are switched off in the realm";
                }
                session.getContext().setRealm(realm);
                return organizations.getById(scope.organizationId()) != null ? null
                        : "the target's user scope names organization " + scope.organizationId() + ", which no longer exists";
            default:
                return null;
        }
    }

    /** Organization groups (Keycloak's internal group of an Organization) are never pushed. */
    public static boolean groupInScope(TargetScope scope, GroupModel group) {
        return group.getType() != GroupModel.Type.ORGANIZATION && groupInScope(scope, group.getId());
    }

    static boolean groupInScope(TargetScope scope, String groupId) {
        switch (scope.groups()) {
            case ALL:
                return true;
            case CHOSEN:
                return scope.groupIds().contains(groupId);
            default:
                return false;
        }
    }

    /**
     * Whether a user whose groups have the given ancestries (each the group's id, then its parent's, up to the top)
     * is a member of one of {@code scopeIds}: directly, or through a subgroup when {@code includeSubgroups}.
     */
    static boolean matchesGroups(Set<String> scopeIds, boolean includeSubgroups, Collection<List<String>> ancestries) {
        for (List<String> chain : ancestries) {
            if (chain.isEmpty()) {
                continue;
            }
            if (scopeIds.contains(chain.get(0))) {
                return true;
            }
            if (includeSubgroups && chain.stream().skip(1).anyMatch(scopeIds::contains)) {
                return true;
            }
        }
        return false;
    }

    static RoleModel role(RealmModel realm, TargetScope scope) {
        if (scope.roleName() == null) {
            return null;
        }
        if (scope.roleClientId() == null) {
            return realm.getRole(scope.roleName());
        }
        ClientModel client = realm.getClientByClientId(scope.roleClientId());
        return client == null ? null : client.getRole(scope.roleName());
    }

    private static List<String> ancestry(GroupModel group) {
        List<String> chain = new java.util.ArrayList<>();
        for (GroupModel g = group; g != null && chain.size() < 100; g = g.getParent()) {
            chain.add(g.getId());
        }
        return chain;
    }
}
