package dev.kcscim.testsupport.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a test cluster is made of. Clusters with equal configs are shared within a test run; each config gets
 * its own distribution folder and its own PostgreSQL database, so two configs never join one cluster.
 *
 * @param nodes    number of Keycloak nodes (at least 1)
 * @param features Keycloak features to enable; build-time, so baked in by {@code kc.sh build}
 * @param options  extra run-time {@code kc.sh start} options for every node, e.g. {@code --spi-x--y--z=v}
 */
public record ClusterConfig(int nodes, List<String> features, List<String> options) {

    public static final ClusterConfig DEFAULT = new ClusterConfig(2, List.of(), List.of());

    public ClusterConfig {
        if (nodes < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, not " + nodes);
        }
        features = List.copyOf(features);
        options = List.copyOf(options);
    }

    private boolean isDefault() {
        return equals(DEFAULT);
    }

    private String hash() {
        return Integer.toHexString(hashCode()).toLowerCase(Locale.ROOT);
    }

    /** Folder under {@code kc.work.dir}: {@code cluster-default} or {@code cluster-<hash>}. */
    public String folderName() {
        return isDefault() ? "cluster-default" : "cluster-" + hash();
    }

    /** The PostgreSQL database of this config: {@code keycloak} or {@code kc_<hash>}. */
    public String databaseName() {
        return isDefault() ? "keycloak" : "kc_" + hash();
    }

    /**
     * The {@code kc.sh build} options, which fix what {@code start --optimized} runs with. They mirror
     * {@code docker/Dockerfile}: PostgreSQL, health and metrics on the management port.
     */
    public List<String> buildArguments() {
        List<String> args = new ArrayList<>(List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true"));
        if (!features.isEmpty()) {
            args.add("--features=" + String.join(",", features));
        }
        return args;
    }
}
