package dev.kcscim.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The /Schemas and /ResourceTypes JSON (RFC 7643 §6, §7, §8.6, §8.7). */
class SchemaJsonTest {

    private static final List<String> CHARACTERISTICS = List.of("name", "type", "multiValued", "description",
            "required", "caseExact", "mutability", "returned", "uniqueness", "canonicalValues", "referenceTypes");

    static Stream<SchemaDefinition> coreSchemas() {
        return Stream.of(CoreSchemas.USER, CoreSchemas.GROUP, CoreSchemas.ENTERPRISE_USER);
    }

    @ParameterizedTest
    @MethodSource("coreSchemas")
    void everyAttributeCarriesEveryCharacteristicAndNoNull(SchemaDefinition schema) {
        ObjectNode json = SchemaJson.toJson(schema, "https://kc/realms/r/scim/v2");
        List<JsonNode> attributes = new ArrayList<>();
        json.get("attributes").forEach(attribute -> {
            attributes.add(attribute);
            if (attribute.has("subAttributes")) {
                attribute.get("subAttributes").forEach(attributes::add);
            }
        });
        assertThat(attributes).isNotEmpty().allSatisfy(attribute -> {
            assertThat(attribute.fieldNames()).toIterable().containsAll(CHARACTERISTICS);
            assertThat(attribute.get("canonicalValues").isArray()).isTrue();
            assertThat(attribute.get("referenceTypes").isArray()).isTrue();
            assertThat(attribute.get("subAttributes") != null).isEqualTo(attribute.get("type").asText().equals("complex"));
        });
        assertThat(json.toString()).doesNotContain("null");
        assertThat(json.at("/meta/location").asText()).isEqualTo("https://kc/realms/r/scim/v2/Schemas/" + schema.id());
    }

    @ParameterizedTest
    @MethodSource("coreSchemas")
    void readingTheServedJsonGivesBackTheDefinition(SchemaDefinition schema) {
        assertThat(SchemaJson.schemaFromJson(SchemaJson.toJson(schema, null))).isEqualTo(schema);
    }

    static Stream<Arguments> attributes() {
        return Stream.of(
                Arguments.of(CoreSchemas.USER, "password", """
                        {"name":"password","type":"string","multiValued":false,"description":"The User's cleartext \
                        password. This attribute is intended to be used as a means to specify an initial password when \
                        creating a new User or to reset an existing User's password.","required":false,"caseExact":false,\
                        "mutability":"writeOnly","returned":"never","uniqueness":"none","canonicalValues":[],"referenceTypes":[]}"""),
                Arguments.of(CoreSchemas.USER, "userName", """
                        {"name":"userName","type":"string","multiValued":false,"description":"Unique identifier for the \
                        User, typically used by the user to directly authenticate to the service provider. Each User MUST \
                        include a non-empty userName value. This identifier MUST be unique across the service provider's \
                        entire set of Users.","required":true,"caseExact":false,"mutability":"readWrite","returned":"default",\
                        "uniqueness":"server","canonicalValues":[],"referenceTypes":[]}"""),
                Arguments.of(CoreSchemas.ENTERPRISE_USER, "manager", """
                        {"name":"manager","type":"complex","multiValued":false,"description":"The User's manager. A complex \
                        type that optionally allows service providers to represent organizational hierarchy by referencing \
                        the 'id' attribute of another User.","required":false,"caseExact":false,"mutability":"readWrite",\
                        "returned":"default","uniqueness":"none","canonicalValues":[],"referenceTypes":[],"subAttributes":[\
                        {"name":"value","type":"string","multiValued":false,"description":"The id of the SCIM resource \
                        representing the User's manager.","required":false,"caseExact":false,"mutability":"readWrite",\
                        "returned":"default","uniqueness":"none","canonicalValues":[],"referenceTypes":[]},\
                        {"name":"$ref","type":"reference","multiValued":false,"description":"The URI of the SCIM resource \
                        representing the User's manager.","required":false,"caseExact":false,"mutability":"readWrite",\
                        "returned":"default","uniqueness":"none","canonicalValues":[],"referenceTypes":["User"]},\
                        {"name":"displayName","type":"string","multiValued":false,"description":"The displayName of the \
                        User's manager.","required":false,"caseExact":false,"mutability":"readOnly","returned":"default",\
                        "uniqueness":"none","canonicalValues":[],"referenceTypes":[]}]}"""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("attributes")
    void servesTheExactAttributeJson(SchemaDefinition schema, String name, String expected) throws Exception {
        JsonNode actual = SchemaJson.toJson(schema.attribute(name).orElseThrow());
        assertThat(actual).isEqualTo(ScimJson.mapper().readTree(expected));
    }

    /** Each row: path, type, multiValued, required, caseExact, mutability, returned, uniqueness, canonical, refs. */
    static Stream<Arguments> characteristics() {
        return Stream.of(
                Arguments.of(CoreSchemas.USER_RESOURCE, "userName", "string false true false readWrite default server [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "password", "string false false false writeOnly never none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "active", "boolean false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "profileUrl", "reference false false false readWrite default none [] [external]"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "name.givenName", "string false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "emails", "complex true false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "emails.type", "string false false false readWrite default none [work, home, other] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "emails.primary", "boolean false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "phoneNumbers.type",
                        "string false false false readWrite default none [work, home, mobile, fax, pager, other] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "ims.type",
                        "string false false false readWrite default none [aim, gtalk, icq, xmpp, msn, skype, qq, yahoo] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "photos.value", "reference false false false readWrite default none [] [external]"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "photos.type", "string false false false readWrite default none [photo, thumbnail] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "addresses.postalCode", "string false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "groups", "complex true false false readOnly default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "groups.$ref", "reference false false false readOnly default none [] [User, Group]"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "groups.type", "string false false false readOnly default none [direct, indirect] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "entitlements.value", "string false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "roles.primary", "boolean false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "x509Certificates.value", "binary false false true readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "id", "string false false true readOnly always server [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "externalId", "string false false true readWrite default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "meta.lastModified", "dateTime false false false readOnly default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "meta.location", "reference false false true readOnly default none [] [uri]"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "schemas", "reference true true true readWrite always none [] [uri]"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "manager.$ref", "reference false false false readWrite default none [] [User]"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName",
                        "string false false false readOnly default none [] []"),
                Arguments.of(CoreSchemas.USER_RESOURCE, "employeeNumber", "string false false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.GROUP_RESOURCE, "displayName", "string false true false readWrite default none [] []"),
                Arguments.of(CoreSchemas.GROUP_RESOURCE, "members", "complex true false false readWrite default none [] []"),
                Arguments.of(CoreSchemas.GROUP_RESOURCE, "members.value", "string false false false immutable default none [] []"),
                Arguments.of(CoreSchemas.GROUP_RESOURCE, "members.$ref", "reference false false false immutable default none [] [User, Group]"),
                Arguments.of(CoreSchemas.GROUP_RESOURCE, "members.type", "string false false false immutable default none [User, Group] []"),
                Arguments.of(CoreSchemas.GROUP_RESOURCE, "members.display", "string false false false readOnly default none [] []"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("characteristics")
    void definesTheRfcCharacteristics(ResourceSchema schema, String path, String expected) {
        AttributeDefinition a = schema.resolve(dev.kcscim.core.path.AttributePath.parse(path)).orElseThrow();
        assertThat(String.join(" ", a.type().wireValue(), "" + a.multiValued(), "" + a.required(), "" + a.caseExact(),
                a.mutability().wireValue(), a.returned().wireValue(), a.uniqueness().wireValue(),
                a.canonicalValues().toString(), a.referenceTypes().toString())).isEqualTo(expected);
    }

    @Test
    void readsARuntimeExtensionAndServesItBack() throws JsonProcessingException {
        JsonNode served = ScimJson.mapper().readTree("""
                {"id":"urn:acme:params:scim:schemas:extension:hr:1.0:User","name":"AcmeHr","description":"HR data",
                 "attributes":[
                   {"name":"badge","type":"string","caseExact":true,"uniqueness":"server","returned":"request"},
                   {"name":"cars","type":"complex","multiValued":true,"subAttributes":[
                     {"name":"plate","type":"string","mutability":"immutable"},
                     {"name":"registered","type":"dateTime"}]},
                   {"name":"level","type":"integer","canonicalValues":["1","2"]}]}""");
        SchemaDefinition schema = SchemaJson.schemaFromJson(served);
        assertThat(schema.attribute("BADGE").orElseThrow().returned()).isEqualTo(Returned.REQUEST);
        assertThat(schema.attribute("cars").orElseThrow().subAttribute("plate").orElseThrow().mutability())
                .isEqualTo(Mutability.IMMUTABLE);
        JsonNode back = SchemaJson.toJson(schema, null);
        assertThat(back.at("/attributes/1/subAttributes/1")).isEqualTo(ScimJson.mapper().readTree("""
                {"name":"registered","type":"dateTime","multiValued":false,"description":"","required":false,
                 "caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none",
                 "canonicalValues":[],"referenceTypes":[]}"""));
        assertThat(back.at("/attributes/2/canonicalValues").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(SchemaJson.schemaFromJson(back)).isEqualTo(schema);
    }

    static Stream<Arguments> invalidSchemas() {
        return Stream.of(
                Arguments.of("[]"),
                Arguments.of("{\"name\":\"x\"}"),
                Arguments.of("{\"id\":\"urn:x\",\"attributes\":{}}"),
                Arguments.of("{\"id\":\"urn:x\",\"attributes\":[{\"name\":\"a\",\"type\":\"text\"}]}"),
                Arguments.of("{\"id\":\"urn:x\",\"attributes\":[{\"name\":\"a\"}]}"),
                Arguments.of("{\"id\":\"urn:x\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\",\"required\":\"yes\"}]}"),
                Arguments.of("{\"id\":\"urn:x\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\",\"returned\":\"sometimes\"}]}"),
                Arguments.of("{\"id\":\"urn:x\",\"attributes\":[{\"name\":\"a\",\"type\":\"complex\",\"subAttributes\":"
                        + "[{\"name\":\"b\",\"type\":\"complex\",\"subAttributes\":[{\"name\":\"c\",\"type\":\"string\"}]}]}]}"));
    }

    @ParameterizedTest
    @MethodSource("invalidSchemas")
    void rejectsMalformedSchemasAsInvalidSyntax(String json) throws JsonProcessingException {
        JsonNode node = ScimJson.mapper().readTree(json);
        ScimException error = catchThrowableOfType(ScimException.class, () -> SchemaJson.schemaFromJson(node));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
    }

    @Test
    void servesTheUserResourceType() throws JsonProcessingException {
        assertThat(SchemaJson.toJson(CoreSchemas.USER_RESOURCE.resourceType(), "https://h/scim/v2")).isEqualTo(
                ScimJson.mapper().readTree("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"User","name":"User",
                         "endpoint":"/Users","description":"User Account","schema":"urn:ietf:params:scim:schemas:core:2.0:User",
                         "schemaExtensions":[{"schema":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","required":false}],
                         "meta":{"resourceType":"ResourceType","location":"https://h/scim/v2/ResourceTypes/User"}}"""));
        assertThat(SchemaJson.resourceTypeFromJson(SchemaJson.toJson(CoreSchemas.GROUP_RESOURCE.resourceType(), null)))
                .isEqualTo(CoreSchemas.GROUP_RESOURCE.resourceType());
    }
}
