package dev.kcscim.client;

import dev.kcscim.client.outbox.ChangeCapture;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Per-session listener: admin and user events become outbox rows in the session's transaction (events are
 * delivered synchronously, inside the transaction of the change).
 */
final class ScimProvisioningEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final ChangeCapture capture;

    ScimProvisioningEventListenerProvider(KeycloakSession session, ChangeCapture capture) {
        this.session = session;
        this.capture = capture;
    }

    @Override
    public void onEvent(Event event) {
        capture.onUserEvent(session, event);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        capture.onAdminEvent(session, event);
    }

    @Override
    public void close() {
    }
}
