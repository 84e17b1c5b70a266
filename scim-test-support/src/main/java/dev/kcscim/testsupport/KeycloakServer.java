package dev.kcscim.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Keycloak distribution run as a child process ({@code kc.sh start-dev}, H2 in memory) on free
 * 127.0.0.1 ports, with our bundle JAR in {@code providers/}. Its whole output goes to {@link #logFile()},
 * which is kept after the server stops.
 *
 * <p>Tests talk to loopback targets (the in-JVM mock on {@code http://127.0.0.1:<port>}, scimmy, our own server):
 * every test server therefore runs with {@link #LOOPBACK_TARGET_OPTIONS} (plain http allowed, 127.0.0.1
 * allow-listed by the outbound URL policy), unless its config sets an {@code allow-http} or {@code allowed-hosts}
 * option itself, in which case only its own options apply (see TargetUrlPolicyIT).
 */
public final class KeycloakServer implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 80;

    /** The outbound URL policy options of every test server: tests talk to loopback targets over http. */
    public static final List<String> LOOPBACK_TARGET_OPTIONS = List.of(
            "--spi-events-listener--scim-provisioning--allow-http=true",
            "--spi-events-listener--scim-provisioning--allowed-hosts=127.0.0.1");

    private final KeycloakServerConfig config;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final Process process;
    private final AdminClient admin;
    private final Thread shutdownHook;

    private KeycloakServer(KeycloakServerConfig config, int httpPort, int managementPort, Path logFile, Process process) {
        this.config = config;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
        this.admin = new AdminClient(baseUrl(), HarnessSettings.ADMIN_USERNAME, HarnessSettings.ADMIN_PASSWORD);
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server on free loopback ports and waits until {@code /health/ready} answers 200. */
    public static KeycloakServer start(HarnessSettings settings, KeycloakServerConfig config) {
        return start(settings, config, FreePorts.find(), FreePorts.find(), List.of("--db=dev-mem"));
    }

    /**
     * Starts a server on the given ports with {@code dbArguments} (e.g. {@code --db=dev-file}) and waits for it.
     * On failure the process is stopped and the exception names the log file and shows its tail.
     */
    public static KeycloakServer start(HarnessSettings settings, KeycloakServerConfig config, int httpPort,
            int managementPort, List<String> dbArguments) {
        Path folder = settings.workDir().resolve(config.folderName());
        KeycloakInstallation installation = KeycloakInstallation.prepare(settings.distributionZip(), folder, settings.bundleJar());
        Path logFile = folder.resolve("server.log");
        List<String> command = new ArrayList<>(List.of("bash", installation.kcScript().toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--log-level=INFO,dev.kcscim:debug"));
        command.addAll(dbArguments);
        if (config.options().stream().noneMatch(o -> o.startsWith("--spi-events-listener--scim-provisioning--allow"))) {
            command.addAll(LOOPBACK_TARGET_OPTIONS);
        }
        command.addAll(config.startArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(installation.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", HarnessSettings.ADMIN_USERNAME);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", HarnessSettings.ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_KC_HEAP", settings.heapOptions());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        KeycloakServer server = new KeycloakServer(config, httpPort, managementPort, logFile, process);
        try {
            server.awaitReady(settings.startupTimeout());
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException(e.getMessage() + "\nKeycloak server log: " + logFile + "\n--- last lines ---\n"
                    + server.logTail(LOG_TAIL_LINES), e);
        }
        return server;
    }

    public KeycloakServerConfig config() {
        return config;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The inbound SCIM base URL of {@code realm}. */
    public String scimBaseUrl(String realm) {
        return baseUrl() + "/realms/" + realm + "/scim-provisioning/v2";
    }

    public AdminClient admin() {
        return admin;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last {@code lines} lines of the server log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Blocks until the server process ends (the demo runs in the foreground this way). */
    public int waitForExit() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to do
        }
    }

    private void awaitReady(Duration timeout) {
        KeycloakProcesses.awaitReady(process, managementUrl(), timeout, "Keycloak", () -> "");
    }

    private void stopProcess() {
        KeycloakProcesses.stopGracefully(process);
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + baseUrl() + ", pid " + process.pid() + ", log " + logFile + "]";
    }
}
