package dev.kcscim.it.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.TestHttp;
import java.util.Map;

/** People for auth tests: realm users with realm-management roles, and their own tokens (password grant). */
final class InboundPeople {

    static final String PASSWORD = "Secret-123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundPeople() {
    }

    /** Creates an enabled user with names, a verified email, password {@link #PASSWORD} and the given realm-management roles. */
    static String createUser(AdminClient admin, String realm, String username, String... realmManagementRoles) {
        String base = "/admin/realms/" + realm;
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true)
                .put("firstName", "First").put("lastName", "Last");
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        HttpResult created = admin.post(base + "/users", user);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        if (realmManagementRoles.length > 0) {
            String realmManagement = admin.clientUuid(realm, "realm-management");
            ArrayNode roles = JSON.createArrayNode();
            for (String role : realmManagementRoles) {
                roles.add(admin.get(base + "/clients/" + realmManagement + "/roles/" + role).json());
            }
            HttpResult mapped = admin.post(base + "/users/" + id + "/role-mappings/clients/" + realmManagement, roles);
            assertThat(mapped.status()).as(mapped.toString()).isEqualTo(204);
        }
        return id;
    }

    /** The user's own access token from the realm's public {@code admin-cli} client (password grant). */
    static String userToken(String baseUrl, String realm, String username) {
        HttpResult token = TestHttp.postForm(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", PASSWORD));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().path("access_token").asText();
    }

    /** The admin events of {@code realm}, oldest first. */
    static JsonNode adminEvents(AdminClient admin, String realm) {
        JsonNode list = admin.get("/admin/realms/" + realm + "/admin-events?max=1000").json();
        ArrayNode ordered = JSON.createArrayNode();
        for (int i = list.size() - 1; i >= 0; i--) {
            ordered.add(list.get(i));
        }
        return ordered;
    }
}
