package dev.kcscim.server.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.Compare;
import dev.kcscim.core.filter.CompareOp;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.filter.JsonFilterEvaluator;
import dev.kcscim.core.filter.Or;
import dev.kcscim.core.patch.PatchOp;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.CoreSchemas;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a Group PATCH (RFC 7644 §3.5.2) into membership changes and everything else. Accepted member
 * shapes: {@code add members [..]}, {@code remove members[value eq "U"]} (Okta, Entra with the flag),
 * {@code remove members} with a value array (Entra legacy), {@code remove members} (all),
 * {@code replace members [..]} (Okta full push: unlisted members are removed) and path-less add/replace
 * whose value carries {@code members}.
 */
final class GroupMemberPatch {

    private enum Kind { ADD, REMOVE, REMOVE_ALL, REPLACE }

    private record Change(Kind kind, JsonNode values, Filter filter) {
    }

    private record Resolved(Kind kind, List<GroupMembers.Member> members) {
    }

    private static final AttributeDefinition MEMBERS = CoreSchemas.GROUP.attribute("members").orElseThrow();

    private final List<Change> changes = new ArrayList<>();
    private final List<Resolved> resolved = new ArrayList<>();
    private final List<PatchOperation> others = new ArrayList<>();

    static GroupMemberPatch split(PatchRequest request) {
        GroupMemberPatch patch = new GroupMemberPatch();
        for (PatchOperation operation : request.operations()) {
            patch.add(operation);
        }
        return patch;
    }

    PatchRequest others() {
        return PatchRequest.of(others);
    }

    private void add(PatchOperation operation) {
        if (operation.path() == null) {
            splitPathless(operation);
            return;
        }
        AttributePath attribute = operation.path().attribute();
        boolean members = attribute.name().equalsIgnoreCase("members")
                && (attribute.schemaUrn() == null || attribute.schemaUrn().equalsIgnoreCase(ScimConstants.SCHEMA_GROUP));
        if (!members) {
            others.add(operation);
            return;
        }
        if (operation.path().subAttribute() != null || attribute.subAttribute() != null) {
            throw ScimException.invalidPath("Member sub-attributes cannot be changed; add or remove the member instead");
        }
        Filter filter = operation.path().valueFilter();
        switch (operation.op()) {
            case ADD:
                changes.add(new Change(Kind.ADD, operation.value(), null));
                break;
            case REPLACE:
                if (filter != null) {
                    throw ScimException.invalidPath("Replace a filtered member by removing and adding it");
                }
                changes.add(new Change(Kind.REPLACE, operation.value(), null));
                break;
            default:
                boolean hasValues = operation.value() != null && !operation.value().isNull();
                changes.add(new Change(filter == null && !hasValues ? Kind.REMOVE_ALL : Kind.REMOVE,
                        hasValues ? operation.value() : null, filter));
                break;
        }
    }

    /** Okta and Entra put {"members": [...]} inside a path-less value; the rest stays a normal operation. */
    private void splitPathless(PatchOperation operation) {
        JsonNode value = operation.value();
        if (value == null || !value.isObject() || operation.op() == PatchOp.REMOVE) {
            others.add(operation);
            return;
        }
        ObjectNode rest = ((ObjectNode) value).deepCopy();
        List<String> memberKeys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : rest.properties()) {
            if (field.getKey().equalsIgnoreCase("members")) {
                memberKeys.add(field.getKey());
                changes.add(new Change(operation.op() == PatchOp.ADD ? Kind.ADD : Kind.REPLACE, field.getValue(), null));
            }
        }
        rest.remove(memberKeys);
        if (!rest.isEmpty()) {
            others.add(new PatchOperation(operation.op(), null, rest));
        }
    }

    /** Resolves every referenced member up front, so a bad id fails the request before any change. */
    void resolveAll(GroupMembers members, GroupMapper mapper) {
        for (Change change : changes) {
            switch (change.kind()) {
                case REMOVE_ALL:
                    resolved.add(new Resolved(Kind.REMOVE_ALL, List.of()));
                    break;
                case REMOVE:
                    List<GroupMembers.Member> targets = new ArrayList<>();
                    if (change.values() != null) {
                        targets.addAll(members.resolve(change.values()));
                    }
                    if (change.filter() != null) {
                        targets.addAll(byFilter(change.filter(), members, mapper));
                    }
                    resolved.add(new Resolved(Kind.REMOVE, targets));
                    break;
                default:
                    if (change.values() == null || change.values().isNull()) {
                        throw ScimException.invalidValue("The members operation needs a value");
                    }
                    resolved.add(new Resolved(change.kind(), members.resolve(change.values())));
                    break;
            }
        }
    }

    void apply(GroupMembers members) {
        for (Resolved change : resolved) {
            switch (change.kind()) {
                case ADD:
                    members.add(change.members());
                    break;
                case REMOVE:
                    members.remove(change.members());
                    break;
                case REMOVE_ALL:
                    members.removeAll();
                    break;
                default:
                    members.replace(change.members());
                    break;
            }
        }
    }

    /** {@code value eq "x" [or value eq "y"]} names the members directly; other filters scan the members. */
    private static List<GroupMembers.Member> byFilter(Filter filter, GroupMembers members, GroupMapper mapper) {
        Set<String> ids = new LinkedHashSet<>();
        if (collectIds(filter, ids)) {
            List<GroupMembers.Member> found = new ArrayList<>();
            for (String id : ids) {
                try {
                    found.add(members.resolve(id, null));
                } catch (ScimException unknown) {
                    // removing a member that does not exist removes nothing
                }
            }
            return found;
        }
        JsonFilterEvaluator evaluator = new JsonFilterEvaluator(CoreSchemas.GROUP_RESOURCE);
        List<GroupMembers.Member> matches = new ArrayList<>();
        for (GroupMembers.Member member : members.current()) {
            JsonNode json = member.user() != null ? mapper.userMember(member.user()) : mapper.groupMember(member.group());
            if (evaluator.matchesValue(filter, json, MEMBERS)) {
                matches.add(member);
            }
        }
        return matches;
    }

    private static boolean collectIds(Filter filter, Set<String> ids) {
        if (filter instanceof Or) {
            return collectIds(((Or) filter).left(), ids) && collectIds(((Or) filter).right(), ids);
        }
        if (filter instanceof Compare) {
            Compare compare = (Compare) filter;
            if (compare.op() == CompareOp.EQ && compare.path().name().equalsIgnoreCase("value")
                    && compare.path().subAttribute() == null && compare.value() != null && compare.value().isTextual()) {
                ids.add(compare.value().asText());
                return true;
            }
        }
        return false;
    }
}
