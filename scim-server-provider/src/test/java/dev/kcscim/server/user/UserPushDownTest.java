package dev.kcscim.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.core.filter.FilterParser;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserPushDownTest {

    static final String SA = "keycloak.session.realm.users.query.include_service_account";
    static final String EXACT = "keycloak.session.realm.users.query.exact";

    static Stream<Arguments> exact() {
        return Stream.of(
                Arguments.of("userName eq \"BJensen\"", Map.of("username", "bjensen")),
                Arguments.of("name.givenName eq \"Barbara\" and active eq false",
                        Map.of("firstName", "Barbara", "enabled", "false")),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"J\"", Map.of("lastName", "J")),
                Arguments.of("meta.created gt \"2024-01-01T00:00:00Z\"",
                        Map.of("keycloak.session.realm.users.query.created_after", "1704067200001")));
    }

    @ParameterizedTest
    @MethodSource("exact")
    void pushesDownExactly(String filter, Map<String, String> expected) {
        UserPushDown pushDown = UserPushDown.of(FilterParser.parse(filter));

        assertThat(pushDown.exact()).isTrue();
        assertThat(pushDown.params()).containsAllEntriesOf(expected).containsEntry(SA, "false").containsEntry(EXACT, "true")
                .hasSize(expected.size() + 2);
    }

    static Stream<Arguments> superset() {
        return Stream.of(
                Arguments.of("externalId eq \"Ext\"", Map.of("kcscim.externalId", "Ext")),
                Arguments.of("userName eq \"a\" or userName eq \"b\"", Map.of()),
                Arguments.of("userName eq \"a\" and userName eq \"b\"", Map.of("username", "a")),
                Arguments.of("userName co \"a\"", Map.of()),
                Arguments.of("emails[type eq \"work\" and value eq \"x\"]", Map.of()),
                Arguments.of("title eq \"x\" and active eq true", Map.of("enabled", "true")));
    }

    @ParameterizedTest
    @MethodSource("superset")
    void keepsTheRestForMemory(String filter, Map<String, String> expected) {
        UserPushDown pushDown = UserPushDown.of(FilterParser.parse(filter));

        assertThat(pushDown.exact()).isFalse();
        assertThat(pushDown.params()).containsAllEntriesOf(expected).hasSize(expected.size() + 2);
    }

    static Stream<Arguments> emails() {
        return Stream.of(
                Arguments.of("emails.value eq \"B@Example.com\"", "b@example.com"),
                Arguments.of("emails eq \"b@example.com\"", "b@example.com"),
                Arguments.of("emails[type eq \"work\"].value eq \"B@Example.com\"", "b@example.com"),
                Arguments.of("emails[type eq \"work\" and value eq \"x@y.z\"] and active eq true", "x@y.z"),
                Arguments.of("emails[type eq \"work\"]", null),
                Arguments.of("emails[value co \"x\"]", null),
                Arguments.of("emails.value co \"x\"", null));
    }

    /** An email pinned by the filter is a candidate source (Keycloak's email and SCIM emails), never exact. */
    @ParameterizedTest
    @MethodSource("emails")
    void emailValuesAreCandidateSources(String filter, String email) {
        UserPushDown pushDown = UserPushDown.of(FilterParser.parse(filter));

        assertThat(pushDown.email()).isEqualTo(email);
        assertThat(pushDown.exact()).isFalse();
        assertThat(pushDown.params()).doesNotContainKey("kcscim.emailValue");
    }

    @Test
    void idAndGroupMembershipAreCandidateSources() {
        UserPushDown pushDown = UserPushDown.of(FilterParser.parse("id eq \"u1\" and groups.value eq \"g1\""));

        assertThat(pushDown.userId()).isEqualTo("u1");
        assertThat(pushDown.groupId()).isEqualTo("g1");
        assertThat(pushDown.exact()).isTrue();
    }
}
