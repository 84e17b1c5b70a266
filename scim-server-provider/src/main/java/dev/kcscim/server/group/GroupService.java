package dev.kcscim.server.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.patch.PatchEngine;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.server.audit.ScimAudit;
import dev.kcscim.server.http.ScimUrls;
import dev.kcscim.server.org.OrgContext;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * SCIM Group operations (RFC 7644 §3.3, §3.4.1, §3.5.1, §3.5.2, §3.6) over Keycloak groups. SCIM-created
 * groups are top-level; {@code displayName} is unique among siblings (409 {@code uniqueness}). Each write
 * emits admin events; errors propagate so the caller rolls the transaction back. Inside an organization's API
 * ({@link OrgContext}) groups are that organization's own groups (Keycloak organization groups): created with
 * {@code OrganizationProvider#createGroup}, top-level under the organization, and any other group is 404.
 */
public final class GroupService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupMapper mapper;

    public GroupService(KeycloakSession session, RealmModel realm, ScimUrls urls) {
        this.session = session;
        this.realm = realm;
        this.mapper = new GroupMapper(session, realm, urls);
    }

    public GroupMapper mapper() {
        return mapper;
    }

    /** POST /Groups, with or without members. */
    public ObjectNode create(ObjectNode body, ScimAudit audit) {
        String name = displayName(body);
        requireFreeName(OrgContext.membershipGroup(session), name, null);
        GroupModel group = OrgContext.current(session) == null ? session.groups().createGroup(realm, name)
                : OrgContext.provider(session).createGroup(OrgContext.current(session), name, null);
        GroupMembers members = new GroupMembers(session, realm, group, mapper, audit);
        java.util.List<GroupMembers.Member> resolved = members.resolve(ScimJson.getIgnoreCase(body, "members"));
        group.setSingleAttribute(GroupAttributes.CREATED, Long.toString(System.currentTimeMillis()));
        writeAttributes(group, body);
        audit.group(OperationType.CREATE, group.getId(), mapper.toJson(group, false));
        members.add(resolved);
        return mapper.toJson(group, true);
    }

    /** GET /Groups/{id}; members are read only when {@code withMembers}. */
    public ObjectNode get(String id, boolean withMembers) {
        return mapper.toJson(find(id), withMembers);
    }

    /** PUT /Groups/{id}: displayName, externalId and the full member set. */
    public ObjectNode replace(String id, ObjectNode body, ScimAudit audit) {
        GroupModel group = find(id);
        GroupMembers members = new GroupMembers(session, realm, group, mapper, audit);
        java.util.List<GroupMembers.Member> resolved = members.resolve(ScimJson.getIgnoreCase(body, "members"));
        rename(group, displayName(body));
        writeAttributes(group, body);
        audit.group(OperationType.UPDATE, group.getId(), mapper.toJson(group, false));
        members.replace(resolved);
        return mapper.toJson(group, true);
    }

    /**
     * PATCH /Groups/{id}. Operations on {@code members} become direct membership changes (see
     * {@link GroupMemberPatch}); the others are applied by scim-core's PatchEngine to the group without
     * its members and written back.
     */
    public GroupModel patch(String id, PatchRequest request, ScimAudit audit) {
        GroupModel group = find(id);
        GroupMemberPatch split = GroupMemberPatch.split(request);
        GroupMembers members = new GroupMembers(session, realm, group, mapper, audit);
        split.resolveAll(members, mapper);
        if (!split.others().operations().isEmpty()) {
            ObjectNode current = mapper.toJson(group, false);
            ObjectNode patched = PatchEngine.apply(current, split.others(), CoreSchemas.GROUP_RESOURCE);
            rename(group, displayName(patched));
            writeAttributes(group, patched);
            audit.group(OperationType.UPDATE, group.getId(), mapper.toJson(group, false));
        }
        split.apply(members);
        return group;
    }

    /** DELETE /Groups/{id}; subgroups go with it, as in Keycloak. */
    public void delete(String id, ScimAudit audit) {
        GroupModel group = find(id);
        ObjectNode json = mapper.toJson(group, false);
        session.groups().removeGroup(realm, group);
        audit.group(OperationType.DELETE, id, json);
    }

    public GroupModel find(String id) {
        GroupModel group = id == null || id.isBlank() || id.length() > 255 ? null : session.groups().getGroupById(realm, id);
        if (group == null || !OrgContext.sees(session, group)) {
            throw ScimException.notFound("Group '" + id + "' not found");
        }
        return group;
    }

    private void rename(GroupModel group, String name) {
        if (!name.equals(group.getName())) {
            requireFreeName(group.getParent(), name, group);
            group.setName(name);
        }
    }

    private void writeAttributes(GroupModel group, ObjectNode json) {
        JsonNode externalId = ScimJson.getIgnoreCase(json, "externalId");
        if (externalId == null || externalId.isNull() || externalId.asText().isEmpty()) {
            group.removeAttribute(GroupAttributes.EXTERNAL_ID);
        } else if (!externalId.isTextual()) {
            throw ScimException.invalidValue("'externalId' must be a string");
        } else {
            group.setSingleAttribute(GroupAttributes.EXTERNAL_ID, externalId.asText());
        }
        group.setSingleAttribute(GroupAttributes.LAST_MODIFIED, Long.toString(System.currentTimeMillis()));
    }

    private void requireFreeName(GroupModel parent, String name, GroupModel self) {
        GroupModel clash = session.groups().getGroupByName(realm, parent, name);
        if (clash != null && (self == null || !clash.getId().equals(self.getId()))) {
            throw ScimException.uniqueness("A group with displayName '" + name + "' already exists");
        }
    }

    private static String displayName(ObjectNode json) {
        JsonNode name = ScimJson.getIgnoreCase(json, "displayName");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ScimException.invalidValue("'displayName' is required (RFC 7643 §4.2)");
        }
        return name.asText();
    }
}
