package dev.kcscim.client.targets;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI that makes SCIM targets realm components ({@code providerType} = {@link ScimTargetProvider}). */
public final class ScimTargetSpi implements Spi {

    public static final String NAME = "scim-target";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ScimTargetProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ScimTargetProviderFactory.class;
    }
}
