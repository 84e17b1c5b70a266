package dev.kcscim.server.settings;

import org.keycloak.models.RealmModel;

/**
 * The per-realm switch of the inbound SCIM API, off by default. Kept in the realm attribute {@link #ENABLED} (so it
 * travels with realm export/import). While it is off, every URL under {@code /realms/{realm}/scim-provisioning/}
 * answers a SCIM 404, discovery included: a realm that does not use SCIM does not reveal that it could.
 */
public final class InboundSettings {

    /** Realm attribute: {@code "true"} when the SCIM API of the realm is on. */
    public static final String ENABLED = "kcscim.inbound.enabled";

    private InboundSettings() {
    }

    public static boolean isEnabled(RealmModel realm) {
        return Boolean.parseBoolean(realm.getAttribute(ENABLED));
    }

    public static void setEnabled(RealmModel realm, boolean enabled) {
        if (enabled) {
            realm.setAttribute(ENABLED, "true");
        } else {
            realm.removeAttribute(ENABLED);
        }
    }
}
