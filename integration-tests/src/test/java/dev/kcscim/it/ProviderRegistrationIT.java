package dev.kcscim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.kcscim.testsupport.KeycloakIntegrationTest;

/** Keycloak loaded every provider of the bundle JAR, as its server info (Admin REST) reports. */
@KeycloakIntegrationTest
class ProviderRegistrationIT {

    @Test
    void eventListenerFactoryIsLoaded(AdminClient admin) {
        assertThat(admin.providerIds("eventsListener")).contains("scim-provisioning");
    }

    @Test
    void scimRealmResourceIsLoadedBesideKeycloaksOwn(AdminClient admin) {
        assertThat(admin.providerIds("realm-restapi-extension")).contains("scim-provisioning");
    }

    @Test
    void adminThemeIsLoaded(AdminClient admin) {
        JsonNode adminThemes = admin.serverInfo().path("themes").path("admin");
        List<String> names = new ArrayList<>();
        adminThemes.forEach(theme -> names.add(theme.path("name").asText()));
        assertThat(names).contains("scim-provisioning");
    }
}
