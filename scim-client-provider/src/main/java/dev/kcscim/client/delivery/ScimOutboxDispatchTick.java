package dev.kcscim.client.delivery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * The periodic safety net of the dispatcher: purges old delivered rows and wakes the pump, so rows whose wake-up
 * was lost (a node restart, a crash right after commit) are still delivered. Run through Keycloak's
 * {@code ClusterAwareScheduledTaskRunner}, whose cluster lock is keyed by this class's simple name.
 */
public final class ScimOutboxDispatchTick implements ScheduledTask {

    private final Dispatcher dispatcher;

    public ScimOutboxDispatchTick(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void run(KeycloakSession session) {
        dispatcher.tick(session);
    }

    @Override
    public String getTaskName() {
        return "kcscim-outbox-dispatch";
    }
}
