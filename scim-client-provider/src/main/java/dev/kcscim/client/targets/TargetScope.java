package dev.kcscim.client.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keycloak.component.ComponentModel;

/**
 * Which users and groups one target receives. Users: everyone ({@code all}), members of chosen groups (optionally
 * with their subgroups), holders of a realm or client role (directly, through a group or a composite), or members
 * of a Keycloak Organization. Groups: {@code none}, the {@code chosen} ones, or {@code all}. A membership is pushed
 * only when both its user and its group are in scope. Stored as flat component config keys. A target owned by an
 * organization ({@link #OWNER_ORGANIZATION}) always has the organization user scope for its owner and groups
 * {@code none} (default) or {@code chosen}.
 *
 * @param roleClientId the clientId owning {@code roleName}; null for a realm role
 */
public record TargetScope(Users users, List<String> userGroupIds, boolean includeSubgroups, String roleName,
        String roleClientId, String organizationId, Groups groups, List<String> groupIds) {

    public static final String USERS = "scopeUsers";
    public static final String USER_GROUPS = "scopeUserGroups";
    public static final String INCLUDE_SUBGROUPS = "scopeIncludeSubgroups";
    public static final String ROLE = "scopeRole";
    public static final String ROLE_CLIENT = "scopeRoleClient";
    public static final String ORGANIZATION = "scopeOrganization";
    public static final String GROUPS = "scopeGroups";
    public static final String GROUP_IDS = "scopeGroupIds";
    /**
     * The organization that owns the target (its customer's own downstream app): its user scope is always that
     * organization's members, and its group scope never {@code all} (realm groups are not the customer's).
     */
    public static final String OWNER_ORGANIZATION = "ownerOrganization";

    /** Everything: today's behaviour, and the default. */
    public static final TargetScope ALL = new TargetScope(Users.ALL, List.of(), true, null, null, null, Groups.ALL,
            List.of());

    /** Which users a target receives. */
    public enum Users { ALL, GROUPS, ROLE, ORGANIZATION }

    /** Which groups a target receives. */
    public enum Groups { NONE, CHOSEN, ALL }

    public TargetScope {
        userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** Whether every user is in scope (no per-user evaluation needed). */
    public boolean allUsers() {
        return users == Users.ALL;
    }

    public static TargetScope of(ComponentModel model) {
        String owner = blankToNull(model.get(OWNER_ORGANIZATION));
        if (owner != null) {
            Groups groups = TargetConfig.enumOr(Groups.class, model.get(GROUPS), Groups.NONE);
            return new TargetScope(Users.ORGANIZATION, List.of(), true, null, null, owner,
                    groups == Groups.ALL ? Groups.NONE : groups, list(model, GROUP_IDS));
        }
        return new TargetScope(TargetConfig.enumOr(Users.class, model.get(USERS), Users.ALL),
                list(model, USER_GROUPS), !"false".equalsIgnoreCase(model.get(INCLUDE_SUBGROUPS)),
                blankToNull(model.get(ROLE)), blankToNull(model.get(ROLE_CLIENT)),
                blankToNull(model.get(ORGANIZATION)),
                TargetConfig.enumOr(Groups.class, model.get(GROUPS), Groups.ALL), list(model, GROUP_IDS));
    }

    /** Structural problems ({@code field: message}); whether the named groups, role or organization exist is
     *  checked against the realm by the provider factory. */
    public static List<String> problems(ComponentModel model) {
        List<String> problems = new ArrayList<>();
        String users = model.get(USERS);
        Users mode = TargetConfig.enumOr(Users.class, users, null);
        if (users != null && mode == null) {
            problems.add("scope.users.type: must be one of all, groups, role, organization");
        }
        if (mode == Users.GROUPS && list(model, USER_GROUPS).isEmpty()) {
            problems.add("scope.users.groups: name at least one group id");
        }
        if (mode == Users.ROLE && TargetConfig.blank(model.get(ROLE))) {
            problems.add("scope.users.role: is required");
        }
        if (mode == Users.ORGANIZATION && TargetConfig.blank(model.get(ORGANIZATION))) {
            problems.add("scope.users.organization: is required");
        }
        String groups = model.get(GROUPS);
        Groups groupMode = TargetConfig.enumOr(Groups.class, groups, null);
        if (groups != null && groupMode == null) {
            problems.add("scope.groups.type: must be one of none, chosen, all");
        }
        if (groupMode == Groups.CHOSEN && list(model, GROUP_IDS).isEmpty()) {
            problems.add("scope.groups.ids: name at least one group id");
        }
        String owner = blankToNull(model.get(OWNER_ORGANIZATION));
        if (owner != null) {
            if (mode != null && mode != Users.ORGANIZATION) {
                problems.add("scope.users.type: a target owned by an organization always receives that organization's"
                        + " members (type organization)");
            }
            String named = blankToNull(model.get(ORGANIZATION));
            if (named != null && !named.equals(owner)) {
                problems.add("scope.users.organization: must be the owning organization " + owner);
            }
            if (groupMode == Groups.ALL) {
                problems.add("scope.groups.type: a target owned by an organization cannot receive all realm groups;"
                        + " use none or chosen");
            }
        }
        return problems;
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> list(ComponentModel model, String key) {
        List<String> values = model.getConfig() == null ? null : model.getConfig().get(key);
        List<String> cleaned = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).forEach(cleaned::add);
        }
        return cleaned;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
