package dev.kcscim.server;

import dev.kcscim.server.group.MembershipStamps;
import dev.kcscim.server.query.ScimLimits;
import java.util.List;
import java.util.Map;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import dev.kcscim.server.auth.RateLimiter;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the inbound SCIM 2.0 service provider of each realm at {@code /realms/{realm}/scim-provisioning}.
 * The id is deliberately not {@code scim}: that one belongs to Keycloak's own preview SCIM API.
 */
public final class ScimServerResourceProviderFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    /** Realm resource id, and so the URL segment after {@code /realms/{realm}/}. */
    public static final String PROVIDER_ID = "scim-provisioning";
    /** SPI option: largest page size ({@code --spi-realm-restapi-extension--scim-provisioning--max-page-size}). */
    public static final String MAX_PAGE_SIZE = "max-page-size";
    /** SPI option: most candidates evaluated in memory per query before {@code 400 tooMany}. */
    public static final String MAX_SCAN = "max-scan";
    /** SPI option: most operations in one {@code /Bulk} request (RFC 7644 §3.7.4). */
    public static final String BULK_MAX_OPERATIONS = "bulk-max-operations";
    /** SPI option: largest {@code /Bulk} request body in bytes. */
    public static final String BULK_MAX_PAYLOAD_SIZE = "bulk-max-payload-size";
    /** SPI option: seconds a paging cursor (RFC 9865) stays valid. */
    public static final String CURSOR_TIMEOUT = "cursor-timeout";
    /** Requests per minute per provisioning token or client (node-local token bucket); 0 turns the limit off. */
    public static final String RATE_LIMIT_PER_MINUTE = "rate-limit-per-minute";

    private static final Logger LOG = Logger.getLogger(ScimServerResourceProviderFactory.class);

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ScimServerResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
        ScimLimits defaults = ScimLimits.DEFAULT;
        ScimLimits limits = new ScimLimits(
                config.getInt(MAX_PAGE_SIZE, defaults.maxPageSize()),
                config.getInt(MAX_SCAN, defaults.maxScan()),
                config.getInt(BULK_MAX_OPERATIONS, defaults.bulkMaxOperations()),
                config.getInt(BULK_MAX_PAYLOAD_SIZE, defaults.bulkMaxPayloadBytes()),
                config.getInt(CURSOR_TIMEOUT, defaults.cursorTimeoutSeconds()));
        ScimLimits.configure(limits);
        RateLimiter.configure(new RateLimiter(config.getInt(RATE_LIMIT_PER_MINUTE, RateLimiter.DEFAULT_PER_MINUTE),
                System::nanoTime));
        LOG.infof("SCIM inbound rate limit: %d requests per minute per token or client on this node (0 = off)",
                RateLimiter.current().perMinute());
        LOG.infof("SCIM inbound limits: max page size %d, max in-memory scan %d, bulk %d operations / %d bytes, "
                + "cursor timeout %d s", limits.maxPageSize(), limits.maxScan(), limits.bulkMaxOperations(),
                limits.bulkMaxPayloadBytes(), limits.cursorTimeoutSeconds());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_PAGE_SIZE).type("int").defaultValue(ScimLimits.DEFAULT.maxPageSize())
                .helpText("Largest SCIM page size; larger 'count' values are reduced to it").add()
                .property().name(MAX_SCAN).type("int").defaultValue(ScimLimits.DEFAULT.maxScan())
                .helpText("Most users or groups one SCIM query may evaluate in memory before answering 400 tooMany").add()
                .property().name(BULK_MAX_OPERATIONS).type("int").defaultValue(ScimLimits.DEFAULT.bulkMaxOperations())
                .helpText("Most operations in one SCIM /Bulk request; more is answered 413").add()
                .property().name(BULK_MAX_PAYLOAD_SIZE).type("int").defaultValue(ScimLimits.DEFAULT.bulkMaxPayloadBytes())
                .helpText("Largest SCIM /Bulk request body in bytes; larger is answered 413").add()
                .property().name(CURSOR_TIMEOUT).type("int").defaultValue(ScimLimits.DEFAULT.cursorTimeoutSeconds())
                .helpText("Seconds a SCIM paging cursor (RFC 9865) stays valid; older ones are answered 400 expiredCursor").add()
                .property().name(RATE_LIMIT_PER_MINUTE).type("int").defaultValue(RateLimiter.DEFAULT_PER_MINUTE)
                .helpText("SCIM requests per minute per provisioning token or client on each node; more are answered "
                        + "429 with Retry-After; 0 turns the limit off").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        ScimLimits limits = ScimLimits.current();
        return Map.of(MAX_PAGE_SIZE, Integer.toString(limits.maxPageSize()), MAX_SCAN, Integer.toString(limits.maxScan()),
                BULK_MAX_OPERATIONS, Integer.toString(limits.bulkMaxOperations()),
                BULK_MAX_PAYLOAD_SIZE, Integer.toString(limits.bulkMaxPayloadBytes()),
                CURSOR_TIMEOUT, Integer.toString(limits.cursorTimeoutSeconds()),
                RATE_LIMIT_PER_MINUTE, Integer.toString(RateLimiter.current().perMinute()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new MembershipStamps());
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
