package dev.kcscim.server.jpa;

import dev.kcscim.server.token.ProvisioningTokens;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Registers the inbound tables (provisioning tokens) with Keycloak's database. The id's first ten letters
 * ({@code KCSCIMTOKE}) name the Liquibase changelog table {@code DATABASECHANGELOG_KCSCIMTOKE}, distinct from the
 * outbound module's {@code DATABASECHANGELOG_KCSCIMOUTB}. The entity is found by Quarkus in the Jandex index
 * (package outside {@code org.keycloak}).
 */
public final class ProvisioningTokenJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "kcscimtokens";
    static final String CHANGELOG = "META-INF/kcscim-server/changelog-master.xml";

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(ProvisioningTokenEntity.class);
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

    /** A removed realm takes its tokens with it (they could never authenticate again anyway). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                EntityManager em = removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager();
                ProvisioningTokens.removeRealm(em, removed.getRealm().getId());
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
