package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every SCIM write emits one Keycloak admin event with its representation (issue 4, "Every write"). */
@KeycloakIntegrationTest
class AdminEventsIT {

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "events");
        scim = realm.scim();
        assertThat(admin.put(realm.adminPath(""), json("{'adminEventsEnabled':true,'adminEventsDetailsEnabled':true}")).status())
                .isEqualTo(204);
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static List<String> events() {
        List<String> events = new ArrayList<>();
        JsonNode list = admin.get(realm.adminPath("/admin-events?max=1000")).json();
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode event = list.get(i);
            events.add(event.path("operationType").asText() + " " + event.path("resourceType").asText() + " "
                    + event.path("resourcePath").asText());
        }
        return events;
    }

    @Test
    void eachWriteEmitsOneEventWithItsRepresentation() {
        String uid = scim.post("/Users", json("{'userName':'evented'}")).json().path("id").asText();
        assertThat(scim.patch("/Users/" + uid, patchOps("{'op':'replace','path':'nickName','value':'E'}")).status()).isEqualTo(200);
        String gid = scim.post("/Groups", json("{'displayName':'Evented'}")).json().path("id").asText();
        assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'add','path':'members','value':[{'value':'" + uid + "'}]}")).status())
                .isEqualTo(204);
        assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'remove','path':'members'}")).status()).isEqualTo(204);
        assertThat(scim.delete("/Groups/" + gid).status()).isEqualTo(204);
        assertThat(scim.delete("/Users/" + uid).status()).isEqualTo(204);
        // a failed write is rolled back and leaves no event
        assertThat(scim.post("/Users", json("{'userName':'evented'}")).status()).isEqualTo(201);

        List<String> events = events();

        assertThat(events.subList(0, 7)).containsExactly(
                "CREATE USER users/" + uid,
                "UPDATE USER users/" + uid,
                "CREATE GROUP groups/" + gid,
                "CREATE GROUP_MEMBERSHIP users/" + uid + "/groups/" + gid,
                "DELETE GROUP_MEMBERSHIP users/" + uid + "/groups/" + gid,
                "DELETE GROUP groups/" + gid,
                "DELETE USER users/" + uid);
        JsonNode created = admin.get(realm.adminPath("/admin-events?max=1000&operationTypes=CREATE&resourceTypes=USER")).json();
        JsonNode representation = json(created.get(created.size() - 1).path("representation").asText());
        assertThat(representation.path("userName").asText()).isEqualTo("evented");
        assertThat(representation.path("id").asText()).isEqualTo(uid);
    }

    @Test
    void aFailedWriteLeavesNoEvent() {
        int before = admin.get(realm.adminPath("/admin-events?max=1000")).json().size();

        assertThat(scim.post("/Users", json("{'userName':'x','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                + "{'manager':{'value':'nobody'}}}")).status()).isEqualTo(400);

        assertThat(admin.get(realm.adminPath("/admin-events?max=1000")).json().size()).isEqualTo(before);
    }
}
