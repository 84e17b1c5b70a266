package dev.kcscim.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.patch.CanonicalJson;
import dev.kcscim.core.patch.PatchEngine;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.patch.RandomScim;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.Mutability;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** old + new resource -> the minimal PATCH, and the property that applying it to old gives new. */
class ResourceDiffTest {

    private static final String U = "\"schemas\":[\"" + ScimConstants.SCHEMA_USER + "\"],\"id\":\"1\",\"userName\":\"b\"";
    private static final String G = "\"schemas\":[\"" + ScimConstants.SCHEMA_GROUP + "\"],\"id\":\"g\",\"displayName\":\"d\"";
    private static final String E = ScimConstants.SCHEMA_ENTERPRISE_USER;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unchanged", "{" + U + ",\"nickName\":\"n\"}", "{" + U + ",\"nickName\":\"n\"}", "[]"),
                Arguments.of("simple change", "{" + U + ",\"displayName\":\"a\"}", "{" + U + ",\"displayName\":\"b\"}",
                        "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"b\"}]"),
                Arguments.of("simple removed", "{" + U + ",\"nickName\":\"n\"}", "{" + U + "}",
                        "[{\"op\":\"remove\",\"path\":\"nickName\"}]"),
                Arguments.of("simple added", "{" + U + "}", "{" + U + ",\"active\":false}",
                        "[{\"op\":\"add\",\"path\":\"active\",\"value\":false}]"),
                Arguments.of("empty string is unassigned", "{" + U + ",\"title\":\"\"}", "{" + U + "}", "[]"),
                Arguments.of("sub-attribute granularity",
                        "{" + U + ",\"name\":{\"givenName\":\"a\",\"familyName\":\"f\",\"middleName\":\"m\"}}",
                        "{" + U + ",\"name\":{\"givenName\":\"b\",\"familyName\":\"f\"}}",
                        "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"b\"},"
                                + "{\"op\":\"remove\",\"path\":\"name.middleName\"}]"),
                Arguments.of("complex added", "{" + U + "}", "{" + U + ",\"name\":{\"givenName\":\"a\"}}",
                        "[{\"op\":\"add\",\"path\":\"name\",\"value\":{\"givenName\":\"a\"}}]"),
                Arguments.of("readOnly attributes are ignored",
                        "{" + U + ",\"meta\":{\"version\":\"1\"},\"groups\":[{\"value\":\"g1\"}]}",
                        "{" + U.replace("\"1\"", "\"2\"") + ",\"meta\":{\"version\":\"2\"}}", "[]"),
                Arguments.of("undefined attributes are ignored", "{" + U + "}", "{" + U + ",\"shoeSize\":42}", "[]"),
                Arguments.of("externalId", "{" + U + "}", "{" + U + ",\"externalId\":\"x\"}",
                        "[{\"op\":\"add\",\"path\":\"externalId\",\"value\":\"x\"}]"),
                Arguments.of("one member added",
                        "{" + G + ",\"members\":[{\"value\":\"U1\"},{\"value\":\"U2\"}]}",
                        "{" + G + ",\"members\":[{\"value\":\"U1\"},{\"value\":\"U2\"},{\"value\":\"U3\"}]}",
                        "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"U3\"}]}]"),
                Arguments.of("one member removed",
                        "{" + G + ",\"members\":[{\"value\":\"U1\"},{\"value\":\"U2\"}]}",
                        "{" + G + ",\"members\":[{\"value\":\"U2\"}]}",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"U1\\\"]\"}]"),
                Arguments.of("last member removed", "{" + G + ",\"members\":[{\"value\":\"U1\"}]}", "{" + G + "}",
                        "[{\"op\":\"remove\",\"path\":\"members\"}]"),
                Arguments.of("first members", "{" + G + "}", "{" + G + ",\"members\":[{\"value\":\"U1\"}]}",
                        "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"U1\"}]}]"),
                Arguments.of("member display is readOnly",
                        "{" + G + ",\"members\":[{\"value\":\"U1\",\"display\":\"a\"}]}",
                        "{" + G + ",\"members\":[{\"value\":\"U1\",\"display\":\"b\"}]}", "[]"),
                Arguments.of("immutable member type changes by remove and add",
                        "{" + G + ",\"members\":[{\"value\":\"U1\",\"type\":\"User\"}]}",
                        "{" + G + ",\"members\":[{\"value\":\"U1\",\"type\":\"Group\"}]}",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"U1\\\"]\"},"
                                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"U1\",\"type\":\"Group\"}]}]"),
                Arguments.of("changed email value by filter",
                        "{" + U + ",\"emails\":[{\"value\":\"a@x\",\"type\":\"work\"},{\"value\":\"b@x\"}]}",
                        "{" + U + ",\"emails\":[{\"value\":\"a@x\",\"type\":\"home\"},{\"value\":\"b@x\"}]}",
                        "[{\"op\":\"replace\",\"path\":\"emails[value eq \\\"a@x\\\"]\","
                                + "\"value\":{\"value\":\"a@x\",\"type\":\"home\"}}]"),
                Arguments.of("values differing only in case are replaced whole",
                        "{" + U + ",\"emails\":[{\"value\":\"a@x\"}]}", "{" + U + ",\"emails\":[{\"value\":\"A@x\"}]}",
                        "[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"A@x\"}]}]"),
                Arguments.of("values without value are replaced whole",
                        "{" + U + ",\"addresses\":[{\"type\":\"work\",\"locality\":\"a\"}]}",
                        "{" + U + ",\"addresses\":[{\"type\":\"work\",\"locality\":\"b\"}]}",
                        "[{\"op\":\"replace\",\"path\":\"addresses\",\"value\":[{\"type\":\"work\",\"locality\":\"b\"}]}]"),
                Arguments.of("enterprise attributes are URN-qualified",
                        "{" + U + ",\"" + E + "\":{\"employeeNumber\":\"1\",\"manager\":{\"value\":\"m\"}}}",
                        "{" + U + ",\"" + E + "\":{\"employeeNumber\":\"2\"}}",
                        "[{\"op\":\"replace\",\"path\":\"" + E + ":employeeNumber\",\"value\":\"2\"},"
                                + "{\"op\":\"remove\",\"path\":\"" + E + ":manager\"}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void emitsTheMinimalPatch(String name, String oldJson, String newJson, String operations) throws Exception {
        ObjectNode before = (ObjectNode) ScimJson.mapper().readTree(oldJson);
        ObjectNode after = (ObjectNode) ScimJson.mapper().readTree(newJson);
        ResourceSchema schema = before.toString().contains(ScimConstants.SCHEMA_GROUP)
                ? CoreSchemas.GROUP_RESOURCE : CoreSchemas.USER_RESOURCE;

        PatchRequest patch = ResourceDiff.diff(before, after, schema);

        assertThat(patch.toJson().get("Operations")).isEqualTo(ScimJson.mapper().readTree(operations));
        assertThat(patch.isEmpty()).isEqualTo(operations.equals("[]"));
        assertThat(normalize(PatchEngine.apply(before, patch, schema), schema))
                .isEqualTo(normalize(after, schema));
    }

    @Test
    void oneMembershipChangeInALargeGroupIsOneOperation() {
        ObjectNode before = ScimJson.mapper().createObjectNode().put("displayName", "big");
        ArrayNode members = before.putArray("members");
        for (int i = 0; i < 5_000; i++) {
            members.addObject().put("value", "U" + i);
        }
        ObjectNode after = before.deepCopy();
        ((ArrayNode) after.get("members")).remove(1234);
        ((ArrayNode) after.get("members")).addObject().put("value", "new");

        PatchRequest patch = ResourceDiff.diff(before, after, CoreSchemas.GROUP_RESOURCE);

        assertThat(patch.toJson().get("Operations").toString()).isEqualTo(
                "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"U1234\\\"]\"},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"new\"}]}]");
    }

    /** The contract on a seeded corpus: apply(old, diff(old, new)) == new, modulo readOnly data and order. */
    @Test
    void applyingTheDiffToOldGivesNewOnAGeneratedCorpus() {
        RandomScim random = new RandomScim(20261129L);
        int operations = 0;
        for (int i = 0; i < 2_000; i++) {
            ObjectNode user = random.user();
            ObjectNode edited = random.editedUser(user);
            PatchRequest patch = ResourceDiff.diff(user, edited, CoreSchemas.USER_RESOURCE);
            operations += patch.operations().size();
            assertThat(normalize(PatchEngine.apply(user, patch, CoreSchemas.USER_RESOURCE), CoreSchemas.USER_RESOURCE))
                    .as("old %s%nnew %s%npatch %s", user, edited, patch.toJson())
                    .isEqualTo(normalize(edited, CoreSchemas.USER_RESOURCE));

            ObjectNode group = random.group(20);
            ObjectNode editedGroup = random.editedGroup(group, 20);
            PatchRequest groupPatch = ResourceDiff.diff(group, editedGroup, CoreSchemas.GROUP_RESOURCE);
            assertThat(groupPatch.operations()).as("member deltas, not the whole list").hasSizeLessThanOrEqualTo(5);
            assertThat(normalize(PatchEngine.apply(group, groupPatch, CoreSchemas.GROUP_RESOURCE),
                    CoreSchemas.GROUP_RESOURCE))
                    .as("old %s%nnew %s%npatch %s", group, editedGroup, groupPatch.toJson())
                    .isEqualTo(normalize(editedGroup, CoreSchemas.GROUP_RESOURCE));
        }
        assertThat(operations).as("the corpus exercises the diff").isGreaterThan(2_000);
    }

    /**
     * What the diff promises to carry: the attributes the schemas define, without readOnly ones and
     * without unassigned values, multi-valued values sorted (RFC 7643 §2.4: unordered).
     */
    static JsonNode normalize(ObjectNode resource, ResourceSchema schema) {
        ObjectNode result = ScimJson.mapper().createObjectNode();
        List<AttributeDefinition> top = new ArrayList<>(CoreSchemas.COMMON_ATTRIBUTES);
        top.addAll(schema.core().attributes());
        keep(resource, top, result);
        for (SchemaDefinition extension : schema.extensions()) {
            ObjectNode kept = ScimJson.mapper().createObjectNode();
            keep(ScimJson.getIgnoreCase(resource, extension.id()), extension.attributes(), kept);
            if (!kept.isEmpty()) {
                result.set(extension.id(), kept);
            }
        }
        return result;
    }

    private static void keep(JsonNode source, List<AttributeDefinition> attributes, ObjectNode target) {
        for (AttributeDefinition attribute : attributes) {
            JsonNode value = ScimJson.getIgnoreCase(source, attribute.name());
            if (attribute.mutability() == Mutability.READ_ONLY || attribute.name().equals("schemas") || empty(value)) {
                continue;
            }
            if (value.isArray()) {
                List<JsonNode> elements = new ArrayList<>();
                value.forEach(element -> elements.add(writable(element, attribute)));
                elements.sort(CanonicalJson::compare);
                target.putArray(attribute.name()).addAll(elements);
            } else {
                target.set(attribute.name(), writable(value, attribute));
            }
        }
    }

    private static JsonNode writable(JsonNode value, AttributeDefinition attribute) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode kept = ScimJson.mapper().createObjectNode();
        keep(value, attribute.subAttributes(), kept);
        return kept;
    }

    private static boolean empty(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isContainerNode() && value.isEmpty());
    }
}
