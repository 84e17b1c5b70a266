package dev.kcscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Evaluation semantics per attribute type against one User (RFC 7644 §3.4.2.2, RFC 7643 §2.3). */
class JsonFilterEvaluatorTest {

    static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String EXT = "urn:example:params:scim:schemas:extension:acme:1.0:User";

    static final SchemaDefinition ACME = new SchemaDefinition(EXT, "Acme", "test extension", List.of(
            AttributeDefinition.builder("level", AttributeType.INTEGER).build(),
            AttributeDefinition.builder("score", AttributeType.DECIMAL).build(),
            AttributeDefinition.builder("badge", AttributeType.BINARY).build(),
            AttributeDefinition.builder("code", AttributeType.STRING).caseExact().build(),
            AttributeDefinition.builder("tags", AttributeType.STRING).multiValued().build(),
            AttributeDefinition.builder("hired", AttributeType.DATE_TIME).build()));

    static final ResourceSchema SCHEMA = CoreSchemas.USER_RESOURCE.withExtension(ACME, false);

    static final JsonNode USER = json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],
             "id":"2819c223","externalId":"ext-1","userName":"BJensen",
             "name":{"familyName":"Jensen","givenName":"Barbara","middleName":""},
             "displayName":"Babs Jensen","nickName":null,"active":true,
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                       {"value":"babs@jensen.org","type":"home"}],
             "phoneNumbers":[],
             "addresses":[{"type":"work","postalCode":"91608","locality":"Hollywood"}],
             "x509Certificates":[{"value":"MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw"}],
             "meta":{"resourceType":"User","created":"2010-01-23T04:56:22Z","lastModified":"2011-05-13T04:42:34Z"},
             "%s":{"employeeNumber":"701984","manager":{"value":"26118915","displayName":"John Smith"}},
             "%s":{"level":7,"score":2.5,"badge":"QUJD","code":"AbC","tags":["Red","green"],
                   "hired":"2015-06-01T10:00:00+02:00"}}
            """.formatted(ENT, EXT, ENT, EXT));

    private static final JsonFilterEvaluator EVALUATOR = new JsonFilterEvaluator(SCHEMA);

    static Stream<Arguments> cases() {
        return Stream.of(
                // strings: caseExact false unless defined otherwise
                Arguments.of("userName eq \"bjensen\"", true),
                Arguments.of("USERNAME eq \"BJENSEN\"", true),
                Arguments.of("userName ne \"bjensen\"", false),
                Arguments.of("userName ne \"other\"", true),
                Arguments.of("userName co \"JENS\"", true),
                Arguments.of("userName sw \"bj\"", true),
                Arguments.of("userName ew \"SEN\"", true),
                Arguments.of("userName ew \"bj\"", false),
                Arguments.of("userName gt \"BA\"", true),
                Arguments.of("userName lt \"BA\"", false),
                Arguments.of("userName ge \"bjensen\"", true),
                Arguments.of("userName le \"bjensen\"", true),
                Arguments.of("id eq \"2819C223\"", false),
                Arguments.of("id eq \"2819c223\"", true),
                Arguments.of("externalId eq \"EXT-1\"", false),
                Arguments.of(EXT + ":code eq \"AbC\"", true),
                Arguments.of(EXT + ":code eq \"abc\"", false),
                Arguments.of(EXT + ":code co \"b\"", true),
                Arguments.of("userName eq 5", false),
                // sub-attributes and complex values
                Arguments.of("name.familyName eq \"jensen\"", true),
                Arguments.of("name.givenName sw \"Bar\"", true),
                Arguments.of("name.middleName pr", false),
                Arguments.of("name pr", true),
                Arguments.of("nickName pr", false),
                Arguments.of("title pr", false),
                Arguments.of("phoneNumbers pr", false),
                Arguments.of("emails pr", true),
                Arguments.of("emails co \"example.com\"", true),
                Arguments.of("emails eq \"babs@jensen.org\"", true),
                Arguments.of("emails.value ew \".ORG\"", true),
                Arguments.of("emails.type eq \"other\"", false),
                Arguments.of("emails.type ne \"other\"", true),
                Arguments.of("emails.type ne \"work\"", false),
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"]", true),
                Arguments.of("emails[type eq \"home\" and value co \"@example.com\"]", false),
                Arguments.of("emails[type eq \"work\"].value eq \"bjensen@example.com\"", true),
                Arguments.of("emails[type eq \"home\"].value eq \"bjensen@example.com\"", false),
                Arguments.of("emails[primary eq true]", true),
                Arguments.of("emails[not (primary eq true)]", true),
                Arguments.of("emails[primary pr and type eq \"home\"]", false),
                Arguments.of("addresses[postalCode sw \"916\"]", true),
                Arguments.of("x509Certificates[value pr]", true),
                Arguments.of("x509Certificates.value eq \"miidqzccaqygawibagiceaawdqyjkozihvcnaqefbqaw\"", false),
                Arguments.of("x509Certificates.value sw \"MIID\"", true),
                Arguments.of("emails[nosuch eq \"x\"]", false),
                // booleans
                Arguments.of("active eq true", true),
                Arguments.of("active eq false", false),
                Arguments.of("active ne false", true),
                Arguments.of("active eq \"True\"", true),
                // dateTimes as instants
                Arguments.of("meta.created eq \"2010-01-23T05:56:22+01:00\"", true),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:33Z\"", true),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\"", false),
                Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34.000Z\"", true),
                Arguments.of("meta.lastModified lt \"2011-05-13T06:42:34+02:00\"", false),
                Arguments.of("meta.lastModified le \"2011-05-13T06:42:34+02:00\"", true),
                Arguments.of(EXT + ":hired lt \"2015-06-01T09:00:00Z\"", true),
                Arguments.of(EXT + ":hired sw \"2015-06\"", true),
                Arguments.of("meta.created gt \"2010-01-23T04:56:22\"", false),
                // numbers
                Arguments.of(EXT + ":level eq 7", true),
                Arguments.of(EXT + ":level eq 7.0", true),
                Arguments.of(EXT + ":level gt 6.5", true),
                Arguments.of(EXT + ":level lt 7", false),
                Arguments.of(EXT + ":level le 7", true),
                Arguments.of(EXT + ":score eq 2.50", true),
                Arguments.of(EXT + ":score ge 25e-1", true),
                Arguments.of(EXT + ":score gt 2.5", false),
                Arguments.of(EXT + ":level eq \"7\"", true),
                // multi-valued simple
                Arguments.of(EXT + ":tags eq \"red\"", true),
                Arguments.of(EXT + ":tags eq \"blue\"", false),
                Arguments.of(EXT + ":tags[value eq \"GREEN\"]", true),
                Arguments.of(EXT + ":badge eq \"QUJD\"", true),
                Arguments.of(EXT + ":badge eq \"qujd\"", false),
                // extensions, qualified and not
                Arguments.of(ENT + ":employeeNumber eq \"701984\"", true),
                Arguments.of("employeeNumber eq \"701984\"", true),
                Arguments.of(ENT + ":manager.value eq \"26118915\"", true),
                Arguments.of("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Manager.Value eq \"26118915\"", true),
                Arguments.of("manager.displayName co \"smith\"", true),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"", true),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:employeeNumber eq \"701984\"", false),
                // null, absent, unknown
                Arguments.of("title eq null", true),
                Arguments.of("nickName eq null", true),
                Arguments.of("userName eq null", false),
                Arguments.of("userName ne null", true),
                Arguments.of("phoneNumbers eq null", true),
                Arguments.of("title ne \"x\"", true),
                Arguments.of("title eq \"x\"", false),
                Arguments.of("nosuch eq \"x\"", false),
                Arguments.of("nosuch pr", false),
                Arguments.of("nosuch ne \"x\"", false),
                Arguments.of("nosuch eq null", false),
                Arguments.of("name eq \"Jensen\"", false),
                Arguments.of("name ne \"Jensen\"", false),
                Arguments.of("not (nosuch eq \"x\")", true),
                Arguments.of("name.nosuch pr", false),
                Arguments.of("urn:example:unknown:foo eq \"x\"", false),
                // logic
                Arguments.of("userName eq \"bjensen\" and active eq true", true),
                Arguments.of("userName eq \"x\" or active eq true", true),
                Arguments.of("userName eq \"x\" or active eq false and userName pr", false),
                Arguments.of("not (userName eq \"x\") and not (active eq false)", true));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("active gt true"),
                Arguments.of("active lt false"),
                Arguments.of("active co \"tr\""),
                Arguments.of(EXT + ":badge gt \"A\""),
                Arguments.of(EXT + ":badge le \"A\""),
                Arguments.of(EXT + ":level co \"7\""),
                Arguments.of("meta.created gt \"yesterday\""),
                Arguments.of("meta.created eq 5"),
                Arguments.of("userName gt null"),
                Arguments.of("userName co null"),
                Arguments.of("x509Certificates.value ge \"A\""),
                Arguments.of("emails[primary gt false]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void evaluates(String filter, boolean expected) {
        assertThat(EVALUATOR.matches(FilterParser.parse(filter), USER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsOperatorsTheTypeForbids(String filter) {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> EVALUATOR.matches(FilterParser.parse(filter), USER));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_FILTER);
    }

    @Test
    void matchesValueEvaluatesOneElementOfAMultiValuedAttribute() {
        AttributeDefinition emails = CoreSchemas.USER.attribute("emails").orElseThrow();
        Filter work = FilterParser.parse("type eq \"WORK\" and primary eq true");
        assertThat(EVALUATOR.matchesValue(work, USER.get("emails").get(0), emails)).isTrue();
        assertThat(EVALUATOR.matchesValue(work, USER.get("emails").get(1), emails)).isFalse();
    }

    static JsonNode json(String text) {
        try {
            return ScimJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
