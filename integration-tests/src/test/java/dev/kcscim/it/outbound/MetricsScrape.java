package dev.kcscim.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import java.util.List;

/** One scrape of the management {@code /metrics} (Prometheus text format) and the sums of its samples. */
record MetricsScrape(String exposition) {

    static MetricsScrape of(KeycloakServer server) {
        HttpResult metrics = TestHttp.get(server.managementUrl() + "/metrics", null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        return new MetricsScrape(metrics.body());
    }

    /** The sum of the samples of {@code name} whose labels contain all of {@code labels}; 0 when there is none. */
    double value(String name, String... labels) {
        List<String> wanted = List.of(labels);
        return exposition.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> wanted.stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Whether a sample of {@code name} with all of {@code labels} exists. */
    boolean has(String name, String... labels) {
        List<String> wanted = List.of(labels);
        return exposition.lines().anyMatch(l -> l.startsWith(name + "{") && wanted.stream().allMatch(l::contains));
    }

    /** A label matcher: {@code name="value"}. */
    static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
