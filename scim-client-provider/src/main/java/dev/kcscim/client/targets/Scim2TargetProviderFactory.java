package dev.kcscim.client.targets;

import dev.kcscim.client.outbox.OutboxStore;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * A SCIM 2.0 target (RFC 7644). Validation runs on every create and update, whichever API wrote the component
 * (ours or {@code /admin/realms/{realm}/components}); secret properties are declared secret so Keycloak's own
 * component API masks them too.
 */
public final class Scim2TargetProviderFactory implements ScimTargetProviderFactory {

    public static final String PROVIDER_ID = "scim2";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(TargetConfig.BASE_URL).label("SCIM base URL").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The target's SCIM base URL, e.g. https://app.example.com/scim/v2").required(true).add()
            .property().name(TargetConfig.ENABLED).label("Enabled").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").add()
            .property().name(TargetConfig.AUTH_TYPE).label("Authentication").type(ProviderConfigProperty.LIST_TYPE)
            .options("bearer", "basic", "oauth2_client_credentials").defaultValue("bearer").add()
            .property().name(TargetConfig.TOKEN).label("Bearer token").type(ProviderConfigProperty.PASSWORD)
            .secret(true).add()
            .property().name(TargetConfig.USERNAME).label("Username").type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetConfig.PASSWORD).label("Password").type(ProviderConfigProperty.PASSWORD)
            .secret(true).add()
            .property().name(TargetConfig.TOKEN_URL).label("Token URL").type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetConfig.CLIENT_ID).label("Client id").type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetConfig.CLIENT_SECRET).label("Client secret").type(ProviderConfigProperty.PASSWORD)
            .secret(true).add()
            .property().name(TargetConfig.SCOPE).label("Scope").type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetConfig.CONNECT_TIMEOUT_MS).label("Connect timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TargetConfig.DEFAULT_CONNECT_TIMEOUT_MS).add()
            .property().name(TargetConfig.REQUEST_TIMEOUT_MS).label("Request timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TargetConfig.DEFAULT_REQUEST_TIMEOUT_MS).add()
            .property().name(TargetConfig.DELETE_MODE).label("On user delete").type(ProviderConfigProperty.LIST_TYPE)
            .options("delete", "deactivate").defaultValue("delete").add()
            .property().name(TargetConfig.ON_404).label("On 404 of a linked resource")
            .type(ProviderConfigProperty.LIST_TYPE).options("recreate", "unlink").defaultValue("recreate").add()
            .property().name(TargetConfig.USE_PATCH).label("Use PATCH").type(ProviderConfigProperty.LIST_TYPE)
            .options("auto", "never").defaultValue("auto").add()
            .property().name(TargetConfig.RETRY_BUDGET_HOURS).label("Retry budget (hours)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TargetConfig.DEFAULT_RETRY_BUDGET_HOURS).add()
            .property().name(TargetScope.USERS).label("Users in scope").type(ProviderConfigProperty.LIST_TYPE)
            .options("all", "groups", "role", "organization").defaultValue("all").add()
            .property().name(TargetScope.USER_GROUPS).label("Scope groups (ids)")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(TargetScope.INCLUDE_SUBGROUPS).label("Include subgroups")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(TargetScope.ROLE).label("Scope role").type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetScope.ROLE_CLIENT).label("Scope role's client (clientId; empty: realm role)")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetScope.ORGANIZATION).label("Scope organization (id)")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetScope.GROUPS).label("Groups pushed").type(ProviderConfigProperty.LIST_TYPE)
            .options("none", "chosen", "all").defaultValue("all").add()
            .property().name(TargetScope.GROUP_IDS).label("Groups pushed (ids)")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(AttributeMapping.KEY).label("Attribute mapping (JSON)")
            .type(ProviderConfigProperty.TEXT_TYPE).add()
            .property().name(TargetConfig.SOURCE).label("Inbound source (token:<id> or client:<clientId>)")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TargetConfig.ORPHAN_POLICY).label("Orphans found by a full sync")
            .type(ProviderConfigProperty.LIST_TYPE).options("report", "adopt", "deactivate").defaultValue("report").add()
            .property().name(TargetConfig.SYNC_INTERVAL_SECONDS).label("Full sync interval (s, 0: off)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(0).add()
            .build();

    @Override
    public ScimTargetProvider create(KeycloakSession session, ComponentModel model) {
        TargetConfig config = TargetConfig.of(model);
        return new ScimTargetProvider() {
            @Override
            public TargetConfig config() {
                return config;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<String> problems = TargetConfig.problems(model);
        if (problems.isEmpty()) {
            problems = ScopeReferences.problems(session, realm, TargetScope.of(model));
        }
        if (!problems.isEmpty()) {
            throw new ComponentValidationException(String.join("; ", problems));
        }
    }

    /** A deleted target takes its queue and links with it. */
    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        OutboxStore.removeTarget(session.getProvider(JpaConnectionProvider.class).getEntityManager(), model.getId());
    }

    @Override
    public String getHelpText() {
        return "A downstream SCIM 2.0 service provider that receives this realm's users and groups";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
