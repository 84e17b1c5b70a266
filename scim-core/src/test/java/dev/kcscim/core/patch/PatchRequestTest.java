package dev.kcscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.path.PatchPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The PATCH message (RFC 7644 §3.5.2): op names, builders, parsing and the wire form. */
class PatchRequestTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"add, ADD", "Add, ADD", "ADD, ADD", "remove, REMOVE", "Remove, REMOVE", "replace, REPLACE",
            "Replace, REPLACE", "rEpLaCe, REPLACE"})
    void opNamesAreCaseInsensitive(String wire, PatchOp expected) {
        assertThat(PatchOp.fromWire(wire)).isEqualTo(expected);
        assertThat(expected.wireValue()).isEqualTo(wire.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"move", "copy", "test", "''", "' add '", "replace-all"})
    void unknownOpNamesAreInvalidSyntax(String wire) {
        assertThatThrownBy(() -> PatchOp.fromWire(wire)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType().wireValue()).isEqualTo("invalidSyntax"));
    }

    static Stream<Arguments> builders() {
        return Stream.of(
                Arguments.of(PatchOperation.replace("name.givenName", "Barbara"),
                        "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Barbara\"}"),
                Arguments.of(PatchOperation.add("emails", List.of(Map.of("value", "a@b"))),
                        "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@b\"}]}"),
                Arguments.of(PatchOperation.replace(Map.of("active", false)),
                        "{\"op\":\"replace\",\"value\":{\"active\":false}}"),
                Arguments.of(PatchOperation.add(Map.of("nickName", "Babs")),
                        "{\"op\":\"add\",\"value\":{\"nickName\":\"Babs\"}}"),
                Arguments.of(PatchOperation.remove("members[value eq \"U1\"]"),
                        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"U1\\\"]\"}"),
                Arguments.of(PatchOperation.remove("members", List.of(Map.of("value", "u1"))),
                        "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}"),
                Arguments.of(PatchOperation.replace(ScimConstants.SCHEMA_ENTERPRISE_USER + ":manager.value", "M"),
                        "{\"op\":\"replace\",\"path\":\"" + ScimConstants.SCHEMA_ENTERPRISE_USER
                                + ":manager.value\",\"value\":\"M\"}"),
                Arguments.of(PatchOperation.replace("nickName", null),
                        "{\"op\":\"replace\",\"path\":\"nickName\",\"value\":null}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("builders")
    void buildersWriteTheWireFormAndParseBack(PatchOperation operation, String wire) throws Exception {
        JsonNode expected = ScimJson.mapper().readTree(wire);
        assertThat(operation.toJson()).isEqualTo(expected);
        assertThat(PatchOperation.fromJson(expected)).isEqualTo(operation);
    }

    @Test
    void requestRoundTripsThroughTheWireForm() {
        PatchRequest request = PatchRequest.of(
                PatchOperation.remove("members[value eq \"U1\"]"),
                PatchOperation.add("members", List.of(Map.of("value", "U2"))));
        JsonNode wire = request.toJson();

        assertThat(wire.get("schemas")).containsExactly(TextNode.valueOf(ScimConstants.MESSAGE_PATCH_OP));
        assertThat(wire.get("Operations")).hasSize(2);
        assertThat(PatchRequest.parse(wire.toString())).isEqualTo(request);
    }

    @Test
    void parsedPathsAreStructured() {
        PatchOperation operation = PatchRequest.parse("{\"schemas\":[\"" + ScimConstants.MESSAGE_PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"x\"}]}").operations().get(0);

        assertThat(operation.op()).isEqualTo(PatchOp.REPLACE);
        assertThat(operation.path()).isEqualTo(
                new PatchPath(AttributePath.of("emails"), Filter.eq("type", "work"), "value"));
    }

    @Test
    void aThousandOperationsAreAcceptedAndOneMoreIsTooMany() {
        List<PatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < PatchRequest.MAX_OPERATIONS; i++) {
            operations.add(PatchOperation.replace("nickName", "n" + i));
        }
        assertThat(PatchRequest.parse(PatchRequest.of(operations).toJson()).operations()).hasSize(1_000);

        operations.add(PatchOperation.replace("nickName", "last"));
        assertThatThrownBy(() -> PatchRequest.parse(PatchRequest.of(operations).toJson()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType().wireValue()).isEqualTo("tooMany");
                });
    }

    @Test
    void bodyWithoutSchemasIsReadAsAPatchOp() {
        PatchRequest request = PatchRequest.parse("{\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"x\"}}]}");

        assertThat(request.schemas()).containsExactly(ScimConstants.MESSAGE_PATCH_OP);
        assertThat(request.operations()).hasSize(1);
        assertThat(request.operations().get(0).op()).isEqualTo(PatchOp.REPLACE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"Operations\":[{\"op\":\"add\",\"path\":\"nickName\",\"value\":1}]} | invalidSyntax",
            "not json at all                                  | invalidSyntax",
            "[]                                               | invalidSyntax",
            "{\"schemas\":\"x\",\"Operations\":[]}                | invalidSyntax",
            "{\"schemas\":[1],\"Operations\":[]}                  | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":{}} | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"path\":\"x\"}]} | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"a[\",\"value\":1}]} | invalidPath",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\"}]} | invalidValue",
    })
    void malformedBodiesAreRejected(String body, String scimType) {
        assertThatThrownBy(() -> PatchRequest.parse(body)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType().wireValue()).isEqualTo(scimType);
        });
    }
}
