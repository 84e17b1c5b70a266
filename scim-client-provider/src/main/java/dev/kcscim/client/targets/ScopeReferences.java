package dev.kcscim.client.targets;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/** Checks that the groups, role and organization a {@link TargetScope} names exist in the realm. */
final class ScopeReferences {

    private ScopeReferences() {
    }

    static List<String> problems(KeycloakSession session, RealmModel realm, TargetScope scope) {
        List<String> problems = new ArrayList<>();
        if (scope.users() == TargetScope.Users.GROUPS) {
            groups(session, realm, scope.userGroupIds(), "scope.users.groups", problems);
        }
        if (scope.groups() == TargetScope.Groups.CHOSEN) {
            groups(session, realm, scope.groupIds(), "scope.groups.ids", problems);
        }
        if (scope.users() == TargetScope.Users.ROLE) {
            if (scope.roleClientId() == null) {
                if (realm.getRole(scope.roleName()) == null) {
                    problems.add("scope.users.role: no realm role '" + scope.roleName() + "'");
                }
            } else {
                ClientModel client = realm.getClientByClientId(scope.roleClientId());
                if (client == null) {
                    problems.add("scope.users.client: no client '" + scope.roleClientId() + "'");
                } else if (client.getRole(scope.roleName()) == null) {
                    problems.add("scope.users.role: client '" + scope.roleClientId() + "' has no role '"
                            + scope.roleName() + "'");
                }
            }
        }
        if (scope.users() == TargetScope.Users.ORGANIZATION) {
            OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
            if (!realm.isOrganizationsEnabled() || organizations == null) {
                problems.add("scope.users.organization: organizations are not enabled in this realm");
            } else {
                RealmModel previous = session.getContext().getRealm();
                session.getContext().setRealm(realm);
                try {
                    if (organizations.getById(scope.organizationId()) == null) {
                        problems.add("scope.users.organization: no organization '" + scope.organizationId() + "'");
                    }
                } finally {
                    session.getContext().setRealm(previous);
                }
            }
        }
        return problems;
    }

    private static void groups(KeycloakSession session, RealmModel realm, List<String> ids, String field,
            List<String> problems) {
        for (String id : ids) {
            if (session.groups().getGroupById(realm, id) == null) {
                problems.add(field + ": no group '" + id + "'");
            }
        }
    }
}
