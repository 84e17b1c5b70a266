package dev.kcscim.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.core.json.ScimJson;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON mapping of the resource model (RFC 7643 §3, §4, §8). */
class ResourceJsonTest {

    /** RFC 7643 §8.3 (full User with the enterprise extension), plus a custom extension and a vendor member. */
    private static final String FULL_USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","urn:acme:scim:hr:1.0:User"],
             "id":"2819c223-7f76-453a-919d-413861904646","externalId":"701984","userName":"bjensen@example.com",
             "name":{"formatted":"Ms. Barbara J Jensen, III","familyName":"Jensen","givenName":"Barbara",
                     "middleName":"Jane","honorificPrefix":"Ms.","honorificSuffix":"III"},
             "displayName":"Babs Jensen","nickName":"Babs","profileUrl":"https://login.example.com/bjensen",
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@jensen.org","type":"home"}],
             "addresses":[{"type":"work","streetAddress":"100 Universal City Plaza","locality":"Hollywood","region":"CA",
                           "postalCode":"91608","country":"USA","formatted":"100 Universal City Plaza\\nHollywood, CA 91608 USA",
                           "primary":true}],
             "phoneNumbers":[{"value":"555-555-5555","type":"work"}],
             "ims":[{"value":"someaimhandle","type":"aim"}],
             "photos":[{"value":"https://photos.example.com/profilephoto/72930000000Ccne/F","type":"photo"}],
             "userType":"Employee","title":"Tour Guide","preferredLanguage":"en-US","locale":"en-US",
             "timezone":"America/Los_Angeles","active":true,
             "groups":[{"value":"e9e30dba-f08f-4109-8486-d5c6a331660a",
                        "$ref":"https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a","display":"Tour Guides"}],
             "x509Certificates":[{"value":"MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx"}],
             "entitlements":[{"value":"vpn","primary":false}],"roles":[{"value":"guide","display":"Guide"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","costCenter":"4130",
                 "organization":"Universal Studios","division":"Theme Park","department":"Tour Operations",
                 "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d",
                            "$ref":"../Users/26118915-6090-4610-87e4-49d8ca9f808d","displayName":"John Smith"}},
             "urn:acme:scim:hr:1.0:User":{"badge":"B-7","clearances":[{"level":3}]},
             "x-vendor-flag":true,
             "meta":{"resourceType":"User","created":"2010-01-23T04:56:22Z","lastModified":"2011-05-13T04:42:34Z",
                     "version":"W/\\"a330bc54f0671c9\\"","location":"https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"}}
            """;

    @Test
    void fullUserRoundTripsIncludingUnknownExtensions() throws JsonProcessingException {
        JsonNode json = json(FULL_USER);
        UserResource user = UserResource.fromJson(json);
        assertThat(user.toJson()).isEqualTo(json);
        assertThat(user.enterpriseUser().manager().ref()).isEqualTo("../Users/26118915-6090-4610-87e4-49d8ca9f808d");
        assertThat(user.groups().get(0).ref()).startsWith("https://example.com/v2/Groups/");
        assertThat(user.meta().created()).isEqualTo(Instant.parse("2010-01-23T04:56:22Z"));
        assertThat(user.extensions()).containsOnlyKeys("urn:acme:scim:hr:1.0:User", "x-vendor-flag");
    }

    @Test
    void bindsAttributeNamesCaseInsensitively() throws JsonProcessingException {
        UserResource user = UserResource.fromJson(json("""
                {"USERNAME":"bjensen","Name":{"GivenName":"Barbara"},"EMAILS":[{"Value":"b@x.com","Primary":"true"}],
                 "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"Manager":{"value":"m1"}}}"""));
        assertThat(user.userName()).isEqualTo("bjensen");
        assertThat(user.name().givenName()).isEqualTo("Barbara");
        assertThat(user.emails()).containsExactly(new Email("b@x.com", null, null, true));
        assertThat(user.enterpriseUser().manager().value()).isEqualTo("m1");
    }

    @Test
    void builtUserSerialisesExactly() throws JsonProcessingException {
        UserResource user = UserResource.builder()
                .id("u1").userName("bjensen").name(Name.of("Barbara", "Jensen")).active(true)
                .emails(List.of(Email.of("b@x.com", "work"))).groups(List.of())
                .enterpriseUser(new EnterpriseUser("701984", null, null, null, null, new Manager("m1", null, null)))
                .meta(new Meta("User", Instant.parse("2026-01-01T00:00:00Z"), null, "https://h/Users/u1", "W/\"1\""))
                .extension("urn:acme:scim:hr:1.0:User", json("{\"badge\":\"B\"}"))
                .build();
        assertThat(user.toJson()).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "id":"u1","meta":{"resourceType":"User","created":"2026-01-01T00:00:00Z","location":"https://h/Users/u1","version":"W/\\"1\\""},
                 "userName":"bjensen","name":{"familyName":"Jensen","givenName":"Barbara"},"active":true,
                 "emails":[{"value":"b@x.com","type":"work"}],"groups":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","manager":{"value":"m1"}},
                 "urn:acme:scim:hr:1.0:User":{"badge":"B"}}"""));
        assertThat(user.phoneNumbers()).isEmpty();
    }

    @Test
    void groupWithMembersRoundTrips() throws JsonProcessingException {
        JsonNode json = json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "id":"e9e30dba","externalId":"ext","displayName":"Tour Guides",
                 "members":[{"value":"2819c223","$ref":"https://example.com/v2/Users/2819c223","type":"User","display":"Babs"},
                            {"value":"902c246b","$ref":null}],
                 "meta":{"resourceType":"Group"}}""");
        GroupResource group = GroupResource.fromJson(json);
        assertThat(group.members()).containsExactly(
                new Member("2819c223", "https://example.com/v2/Users/2819c223", "User", "Babs"),
                new Member("902c246b", null, null, null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("members").get(1)).remove("$ref");
        assertThat(group.toJson()).isEqualTo(json);
        assertThat(GroupResource.builder().displayName("G").members(List.of(Member.user("u1"))).build().toJson())
                .isEqualTo(json("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G",
                         "members":[{"value":"u1","type":"User"}]}"""));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(Arguments.of("[]"), Arguments.of("\"x\""), Arguments.of("{\"emails\":\"b@x.com\"}"),
                Arguments.of("{\"name\":[1]}"), Arguments.of("{\"meta\":{\"created\":\"yesterday\"}}"),
                Arguments.of("{\"active\":{}}"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedResourcesAsInvalidSyntax(String text) throws JsonProcessingException {
        JsonNode json = json(text);
        ScimException error = catchThrowableOfType(ScimException.class, () -> UserResource.fromJson(json));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
    }

    @Test
    void unknownMembersAreKeptAsTheyCame() {
        UserResource user = UserResource.builder().extension("x", TextNode.valueOf("y")).build();
        assertThat(UserResource.fromJson(user.toJson()).extensions()).containsEntry("x", TextNode.valueOf("y"));
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return ScimJson.mapper().readTree(text);
    }
}
