package dev.kcscim.client;

import dev.kcscim.client.delivery.Dispatcher;
import dev.kcscim.client.delivery.OutboxGauges;
import dev.kcscim.client.delivery.ScimOutboxDispatchTick;
import dev.kcscim.client.outbox.ChangeCapture;
import dev.kcscim.client.outbox.OutboxStore;
import dev.kcscim.client.outbox.OutboxWriter;
import dev.kcscim.client.targets.UrlPolicy;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * The outbound provisioning change capture and the owner of the node's {@link Dispatcher}. It is global
 * ({@link #isGlobal()}), so every realm's admin and user events reach it without per-realm configuration; model
 * events (groups, memberships, user removal) are received through a {@code ProviderEventListener}. The periodic
 * dispatcher tick is scheduled once migrations are done ({@link PostMigrationEvent}).
 *
 * <p>Options ({@code --spi-events-listener--scim-provisioning--<name>=}): {@code delivery-threads} (8; one target uses at most half of them),
 * {@code tick-interval-seconds} (10), {@code lease-seconds} (300), and the outbound URL policy ({@link UrlPolicy}):
 * {@code allow-http} (false: target and token URLs must be https) and {@code allowed-hosts} (empty: a comma list
 * of host names and IP/CIDR blocks that may be reached although loopback, link-local or private).
 */
public final class ScimProvisioningEventListenerProviderFactory implements EventListenerProviderFactory,
        ServerInfoAwareProviderFactory {

    /** Provider id, as listed under {@code eventsListener} in the server info. */
    public static final String PROVIDER_ID = "scim-provisioning";

    private static final Logger LOG = Logger.getLogger(ScimProvisioningEventListenerProviderFactory.class);

    private int threads = 8;
    private long tickMillis = 10_000;
    private long leaseMillis = 300_000;
    private Dispatcher dispatcher;
    private ChangeCapture capture;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ScimProvisioningEventListenerProvider(session, capture);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
        threads = Math.max(1, config.getInt("delivery-threads", threads));
        tickMillis = Math.max(1, config.getInt("tick-interval-seconds", (int) (tickMillis / 1000))) * 1000L;
        leaseMillis = Math.max(30, config.getInt("lease-seconds", (int) (leaseMillis / 1000))) * 1000L;
        String allowed = config.get(UrlPolicy.ALLOWED_HOSTS, "");
        UrlPolicy.install(new UrlPolicy(config.getBoolean(UrlPolicy.ALLOW_HTTP, false),
                Arrays.asList(allowed.split(",")), InetAddress::getAllByName));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        dispatcher = new Dispatcher(factory, threads, leaseMillis);
        capture = new ChangeCapture(new OutboxWriter(dispatcher::wake));
        factory.register(this::onProviderEvent);
    }

    private void onProviderEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            KeycloakSessionFactory factory = ((PostMigrationEvent) event).getFactory();
            try (KeycloakSession session = factory.create()) {
                TimerProvider timer = session.getProvider(TimerProvider.class);
                timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new ScimOutboxDispatchTick(dispatcher),
                        tickMillis), tickMillis, "kcscim-outbox-dispatch");
                // Node-local (not cluster-aware): every node refreshes its own outbox gauges
                timer.schedule(new ScheduledTaskRunner(factory, new OutboxGauges()), tickMillis, "kcscim-outbox-gauges");
            }
            LOG.infof("SCIM outbound dispatcher %s started (%d delivery threads, tick %d s)", dispatcher.owner(),
                    threads, tickMillis / 1000);
            dispatcher.wake();
            dispatcher.syncRunner().wake();
        } else if (event instanceof RealmModel.RealmRemovedEvent) {
            RealmModel.RealmRemovedEvent removed = (RealmModel.RealmRemovedEvent) event;
            OutboxStore.removeRealm(removed.getKeycloakSession().getProvider(JpaConnectionProvider.class)
                    .getEntityManager(), removed.getRealm().getId());
        } else if (capture != null) {
            capture.onProviderEvent(event);
        }
    }

    /** This node's dispatcher (null before {@code postInit}). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("delivery-threads", String.valueOf(threads));
        info.put("tick-interval-seconds", String.valueOf(tickMillis / 1000));
        info.put("lease-seconds", String.valueOf(leaseMillis / 1000));
        info.put(UrlPolicy.ALLOW_HTTP, String.valueOf(UrlPolicy.current().allowHttp()));
        info.put(UrlPolicy.ALLOWED_HOSTS, String.join(",", UrlPolicy.current().allowedHosts()));
        return info;
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
