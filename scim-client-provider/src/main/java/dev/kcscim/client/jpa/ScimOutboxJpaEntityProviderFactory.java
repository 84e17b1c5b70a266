package dev.kcscim.client.jpa;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the outbound tables with Keycloak's database. The id's first ten letters ({@code KCSCIMOUTB}) name
 * the Liquibase changelog table {@code DATABASECHANGELOG_KCSCIMOUTB}, so it must stay unique among extensions.
 * The entities themselves are found by Quarkus in the Jandex index (package outside {@code org.keycloak}).
 */
public final class ScimOutboxJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "kcscimoutbox";
    static final String CHANGELOG = "META-INF/kcscim/changelog-master.xml";

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(OutboxEntity.class, RemoteLinkEntity.class, SyncRunEntity.class, SyncLeaseEntity.class);
        }

        @Override
        public String getChangelogLocation() {
            return CHANGELOG;
        }

        @Override
        public String getFactoryId() {
            return PROVIDER_ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
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
