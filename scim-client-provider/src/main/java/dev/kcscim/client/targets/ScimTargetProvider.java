package dev.kcscim.client.targets;

import org.keycloak.provider.Provider;

/**
 * A SCIM target of a realm, as a Keycloak provider. Targets are realm components whose provider type is this
 * interface, so they live in the realm, are cached and invalidated like other components, and travel with
 * realm export and import.
 */
public interface ScimTargetProvider extends Provider {

    /** The validated configuration of this target. */
    TargetConfig config();
}
