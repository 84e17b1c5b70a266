package dev.kcscim.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserEmailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('`', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keycloaksEmailAloneReadsAsThePrimaryWorkEmail() {
        assertThat(UserEmails.read(null, "ann@example.com"))
                .isEqualTo(json("[{`value`:`ann@example.com`,`type`:`work`,`primary`:true}]"));
        assertThat(UserEmails.read(null, null)).isEmpty();
        assertThat(UserEmails.read(null, " ")).isEmpty();
    }

    @ParameterizedTest(name = "{0} with Keycloak email {1}")
    @CsvSource(delimiter = '|', value = {
            // Okta's and Entra ID's shape, keys in any order
            "[{`primary`:true,`value`:`ann@example.com`,`type`:`work`}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`work`,`primary`:true}] | ann@example.com"})
    void theSingleWorkEmailOfKeycloakNeedsNothingStored(String emails, String keycloakEmail) {
        assertThat(UserEmails.isDerived(json(emails), keycloakEmail)).isTrue();
        // and reads back equal to what was sent
        assertThat(UserEmails.read(null, keycloakEmail)).isEqualTo(json(emails));
    }

    @ParameterizedTest(name = "{0} with Keycloak email {1}")
    @CsvSource(delimiter = '|', value = {
            // capitals: Keycloak keeps the email lower-cased, so only the stored list round-trips the spelling
            "[{`value`:`Ann@Example.com`,`type`:`work`,`primary`:true}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`home`,`primary`:true}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`Work`,`primary`:true}] | ann@example.com",
            "[{`value`:`ann@example.com`,`primary`:true}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`work`}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`work`,`primary`:`True`}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`work`,`primary`:true,`display`:`Ann`}] | ann@example.com",
            "[{`value`:`ann@example.com`,`type`:`work`,`primary`:true},{`value`:`a@home.example`}] | ann@example.com",
            "[{`value`:`other@example.com`,`type`:`work`,`primary`:true}] | ann@example.com",
            "[] | ann@example.com",
            "{`value`:`ann@example.com`} | ann@example.com"})
    void everyOtherListIsStored(String emails, String keycloakEmail) {
        assertThat(UserEmails.isDerived(json(emails), keycloakEmail)).isFalse();
    }

    @Test
    void noKeycloakEmailMeansNothingDerives() {
        assertThat(UserEmails.isDerived(json("[{`value`:`ann@example.com`,`type`:`work`,`primary`:true}]"), null)).isFalse();
        assertThat(UserEmails.isDerived(null, "ann@example.com")).isFalse();
    }

    @Test
    void aStoredListFollowsKeycloaksEmail() {
        String stored = "[{`value`:`ann@example.com`,`type`:`work`,`primary`:true},{`value`:`ann@home.example`,`type`:`home`}]";
        // unchanged email (case-insensitively): as stored
        assertThat(UserEmails.read(json(stored), "ANN@example.com")).isEqualTo(json(stored));
        // an administrator changed it in Keycloak: the primary value follows
        assertThat(UserEmails.read(json(stored), "new@example.com")).isEqualTo(json(
                "[{`value`:`new@example.com`,`type`:`work`,`primary`:true},{`value`:`ann@home.example`,`type`:`home`}]"));
        // and removed it: the primary value goes, the others stay
        assertThat(UserEmails.read(json(stored), null)).isEqualTo(json("[{`value`:`ann@home.example`,`type`:`home`}]"));
    }

    @Test
    void aStoredListWithoutPrimaryFlagListsKeycloaksEmailOnce() {
        // Keycloak took the first value as its email; it is not listed a second time
        String stored = "[{`value`:`ann@example.com`,`type`:`work`},{`value`:`ann@home.example`,`type`:`home`}]";
        assertThat(UserEmails.read(json(stored), "ann@example.com")).isEqualTo(json(stored));
        // an email set in Keycloak that the list does not hold comes first, as the primary one
        assertThat(UserEmails.read(json(stored), "new@example.com")).isEqualTo(json("[{`value`:`new@example.com`,"
                + "`primary`:true},{`value`:`ann@example.com`,`type`:`work`},{`value`:`ann@home.example`,`type`:`home`}]"));
    }
}
