package dev.kcscim.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes one Keycloak server differ from the shared default one: extra features and extra start options
 * (SPI options, database settings...). Servers with equal configs are shared within a test run.
 *
 * @param features Keycloak features to enable, e.g. {@code scim-api}, {@code declarative-ui}
 * @param options  extra {@code kc.sh start-dev} arguments, e.g. {@code --spi-events-listener--x--y=z}
 */
public record KeycloakServerConfig(List<String> features, List<String> options) {

    public static final KeycloakServerConfig DEFAULT = new KeycloakServerConfig(List.of(), List.of());

    public KeycloakServerConfig {
        features = List.copyOf(features);
        options = List.copyOf(options);
    }

    public boolean isDefault() {
        return features.isEmpty() && options.isEmpty();
    }

    /** A short folder name that tells configs apart on disk: {@code default} or {@code custom-<hash>}. */
    public String folderName() {
        return isDefault() ? "default" : "custom-" + Integer.toHexString(hashCode()).toLowerCase(Locale.ROOT);
    }

    List<String> startArguments() {
        List<String> args = new ArrayList<>();
        if (!features.isEmpty()) {
            args.add("--features=" + String.join(",", features));
        }
        args.addAll(options);
        return args;
    }
}
