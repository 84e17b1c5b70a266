package dev.kcscim.client.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

class TargetScopeTest {

    private static ComponentModel model() {
        ComponentModel model = new ComponentModel();
        model.setConfig(new MultivaluedHashMap<>());
        return model;
    }

    @Test
    void defaultsToEverything() {
        assertThat(TargetScope.of(model())).isEqualTo(TargetScope.ALL);
        assertThat(TargetScope.problems(model())).isEmpty();
    }

    @Test
    void readsGroupsRoleAndOrganization() {
        ComponentModel model = model();
        model.getConfig().putSingle(TargetScope.USERS, "groups");
        model.getConfig().add(TargetScope.USER_GROUPS, "g1");
        model.getConfig().add(TargetScope.USER_GROUPS, " g2 ");
        model.getConfig().putSingle(TargetScope.INCLUDE_SUBGROUPS, "false");
        model.getConfig().putSingle(TargetScope.GROUPS, "chosen");
        model.getConfig().add(TargetScope.GROUP_IDS, "g1");
        TargetScope scope = TargetScope.of(model);
        assertThat(scope.users()).isEqualTo(TargetScope.Users.GROUPS);
        assertThat(scope.userGroupIds()).containsExactly("g1", "g2");
        assertThat(scope.includeSubgroups()).isFalse();
        assertThat(scope.groups()).isEqualTo(TargetScope.Groups.CHOSEN);
        assertThat(scope.groupIds()).containsExactly("g1");
        assertThat(TargetScope.problems(model)).isEmpty();
    }

    @Test
    void reportsMissingReferencesAndUnknownTypes() {
        ComponentModel groups = model();
        groups.getConfig().putSingle(TargetScope.USERS, "groups");
        groups.getConfig().putSingle(TargetScope.GROUPS, "chosen");
        assertThat(TargetScope.problems(groups)).containsExactly("scope.users.groups: name at least one group id",
                "scope.groups.ids: name at least one group id");
        ComponentModel role = model();
        role.getConfig().putSingle(TargetScope.USERS, "role");
        assertThat(TargetScope.problems(role)).containsExactly("scope.users.role: is required");
        ComponentModel org = model();
        org.getConfig().putSingle(TargetScope.USERS, "organization");
        assertThat(TargetScope.problems(org)).containsExactly("scope.users.organization: is required");
        ComponentModel bad = model();
        bad.getConfig().putSingle(TargetScope.USERS, "everyone");
        bad.getConfig().putSingle(TargetScope.GROUPS, "some");
        assertThat(TargetScope.problems(bad)).containsExactly(
                "scope.users.type: must be one of all, groups, role, organization",
                "scope.groups.type: must be one of none, chosen, all");
    }

    @Test
    void anOrganizationsTargetAlwaysReceivesItsMembersAndNoRealmGroups() {
        ComponentModel owned = model();
        owned.getConfig().putSingle(TargetScope.OWNER_ORGANIZATION, "org-a");
        TargetScope scope = TargetScope.of(owned);
        assertThat(scope.users()).isEqualTo(TargetScope.Users.ORGANIZATION);
        assertThat(scope.organizationId()).isEqualTo("org-a");
        assertThat(scope.groups()).isEqualTo(TargetScope.Groups.NONE);
        assertThat(TargetScope.problems(owned)).isEmpty();

        ComponentModel chosen = model();
        chosen.getConfig().putSingle(TargetScope.OWNER_ORGANIZATION, "org-a");
        chosen.getConfig().putSingle(TargetScope.USERS, "organization");
        chosen.getConfig().putSingle(TargetScope.ORGANIZATION, "org-a");
        chosen.getConfig().putSingle(TargetScope.GROUPS, "chosen");
        chosen.getConfig().add(TargetScope.GROUP_IDS, "g1");
        assertThat(TargetScope.of(chosen).groups()).isEqualTo(TargetScope.Groups.CHOSEN);
        assertThat(TargetScope.of(chosen).groupIds()).containsExactly("g1");
        assertThat(TargetScope.problems(chosen)).isEmpty();
    }

    @Test
    void anOrganizationsTargetRefusesAnotherUserScopeOrAllGroups() {
        ComponentModel widened = model();
        widened.getConfig().putSingle(TargetScope.OWNER_ORGANIZATION, "org-a");
        widened.getConfig().putSingle(TargetScope.USERS, "all");
        widened.getConfig().putSingle(TargetScope.GROUPS, "all");
        assertThat(TargetScope.problems(widened)).containsExactly(
                "scope.users.type: a target owned by an organization always receives that organization's members (type organization)",
                "scope.groups.type: a target owned by an organization cannot receive all realm groups; use none or chosen");
        // even if stored anyway, the effective scope stays the owner's members without realm groups
        assertThat(TargetScope.of(widened).users()).isEqualTo(TargetScope.Users.ORGANIZATION);
        assertThat(TargetScope.of(widened).groups()).isEqualTo(TargetScope.Groups.NONE);

        ComponentModel other = model();
        other.getConfig().putSingle(TargetScope.OWNER_ORGANIZATION, "org-a");
        other.getConfig().putSingle(TargetScope.USERS, "organization");
        other.getConfig().putSingle(TargetScope.ORGANIZATION, "org-b");
        assertThat(TargetScope.problems(other)).containsExactly("scope.users.organization: must be the owning organization org-a");
        assertThat(TargetScope.of(other).organizationId()).isEqualTo("org-a");
    }
}
