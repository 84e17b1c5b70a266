package dev.kcscim.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the harness finds its inputs, from system properties (set by failsafe, or by the demo launcher).
 *
 * <ul>
 *   <li>{@code kc.dist.zip}: the {@code org.keycloak:keycloak-quarkus-dist} zip resolved by Maven</li>
 *   <li>{@code scim.bundle.jar}: the freshly built bundle JAR to install into {@code providers/}</li>
 *   <li>{@code kc.work.dir}: where distributions are unpacked and server logs kept (default {@code target/keycloak})</li>
 *   <li>{@code kc.startup.timeout.seconds}: how long to wait for readiness (default 240)</li>
 *   <li>{@code kc.heap}: JVM heap options for the server (default {@code -Xms128m -Xmx1g})</li>
 * </ul>
 */
public record HarnessSettings(Path distributionZip, Path bundleJar, Path workDir, Duration startupTimeout, String heapOptions) {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    public static HarnessSettings fromSystemProperties() {
        Path zip = requiredFile("kc.dist.zip", "the Keycloak distribution zip (org.keycloak:keycloak-quarkus-dist)");
        Path jar = requiredFile("scim.bundle.jar", "the bundle JAR (bundle/target/keycloak-scim-provisioning-*.jar)");
        Path work = Path.of(System.getProperty("kc.work.dir", "target/keycloak")).toAbsolutePath().normalize();
        Duration timeout = Duration.ofSeconds(Long.getLong("kc.startup.timeout.seconds", 240));
        String heap = System.getProperty("kc.heap", "-Xms128m -Xmx1g");
        return new HarnessSettings(zip, jar, work, timeout, heap);
    }

    private static Path requiredFile(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property '" + property + "' is not set; it must name " + what
                    + ". Run the tests through Maven (./test.sh or mvn verify), which sets it.");
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("System property '" + property + "' names " + path
                    + ", which does not exist; expected " + what + ". Build first: mvn -DskipTests package");
        }
        return path;
    }
}
