package dev.kcscim.client.targets;

import java.util.List;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/** Looks up the SCIM target components of a realm. */
public final class Targets {

    /** The component provider type of every target. */
    public static final String PROVIDER_TYPE = ScimTargetProvider.class.getName();

    private Targets() {
    }

    /** Every target of {@code realm}, enabled or not. */
    public static List<ComponentModel> all(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE).collect(Collectors.toList());
    }

    /** The enabled targets of {@code realm}, the ones that receive changes. */
    public static List<TargetConfig> enabled(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .map(TargetConfig::of)
                .filter(TargetConfig::enabled)
                .collect(Collectors.toList());
    }

    /** The target {@code id} of {@code realm}, or null (also when the id names another kind of component). */
    public static ComponentModel find(RealmModel realm, String id) {
        ComponentModel model = id == null ? null : realm.getComponent(id);
        if (model == null || !PROVIDER_TYPE.equals(model.getProviderType()) || !realm.getId().equals(model.getParentId())) {
            return null;
        }
        return model;
    }
}
