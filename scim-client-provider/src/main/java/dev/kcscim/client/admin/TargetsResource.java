package dev.kcscim.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.Targets;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/scim-provisioning/targets}: list and create targets. Targets are realm components
 * (see {@code docs/outbound.md}); reads need {@code view-realm}, writes {@code manage-realm}, because a target
 * holds credentials and receives every user of the realm. A target created with {@code organizationId} belongs to
 * that organization (its users are the organization's members); {@code GET ?organizationId=} lists its targets.
 */
public final class TargetsResource {

    private static final Logger LOG = Logger.getLogger(TargetsResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    TargetsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("organizationId") String organizationId) {
        auth.realm().requireViewRealm();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        Targets.all(realm).stream()
                .filter(model -> organizationId == null
                        || organizationId.equals(model.get(dev.kcscim.client.targets.TargetScope.OWNER_ORGANIZATION)))
                .sorted(Comparator.comparing(ComponentModel::getName, Comparator.nullsLast(String::compareTo)))
                .forEach(model -> list.add(TargetJson.toJson(model)));
        return AdminResponses.ok(list);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        auth.realm().requireManageRealm();
        ComponentModel model = validated(parse(body), null);
        ComponentModel created = store(() -> realm.addComponentModel(model));
        LOG.infof("SCIM target %s created in realm %s", created.getId(), realm.getId());
        return AdminResponses.created(TargetJson.toJson(created),
                session.getContext().getUri().getAbsolutePathBuilder().path(created.getId()).build().toString());
    }

    @Path("{id}")
    public TargetResource target(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        ComponentModel model = Targets.find(realm, id);
        if (model == null) {
            throw AdminResponses.notFound("target '" + id + "'");
        }
        return new TargetResource(session, realm, auth, model, this);
    }

    /** Parses a request body; malformed JSON is a 400. */
    static JsonNode parse(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw AdminResponses.error(Response.Status.BAD_REQUEST, "The body must be a JSON object", null);
            }
            return json;
        } catch (IOException e) {
            throw AdminResponses.error(Response.Status.BAD_REQUEST, "The body is not valid JSON", null);
        }
    }

    /** Builds and validates a component from JSON; every problem found is reported at once (400). */
    ComponentModel validated(JsonNode json, ComponentModel existing) {
        List<String> problems = new ArrayList<>();
        ComponentModel model = TargetJson.toModel(json, realm.getId(), existing, problems);
        problems.addAll(TargetConfig.problems(model).stream().filter(p -> !problems.contains(p)).toList());
        if (!problems.isEmpty()) {
            throw AdminResponses.error(Response.Status.BAD_REQUEST, "Invalid target: " + String.join("; ", problems),
                    problems);
        }
        boolean taken = Targets.all(realm).stream().anyMatch(other -> other.getName().equalsIgnoreCase(model.getName())
                && (existing == null || !other.getId().equals(existing.getId())));
        if (taken) {
            throw AdminResponses.error(Response.Status.CONFLICT, "A target named '" + model.getName()
                    + "' already exists in this realm", null);
        }
        return model;
    }

    static <T> T store(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (ComponentValidationException e) {
            throw AdminResponses.error(Response.Status.BAD_REQUEST, "Invalid target: " + e.getMessage(), null);
        }
    }
}
