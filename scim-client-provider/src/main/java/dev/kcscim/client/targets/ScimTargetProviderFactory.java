package dev.kcscim.client.targets;

import org.keycloak.component.ComponentFactory;

/** Factory of one kind of SCIM target (today only {@link Scim2TargetProviderFactory}). */
public interface ScimTargetProviderFactory extends ComponentFactory<ScimTargetProvider, ScimTargetProvider> {
}
