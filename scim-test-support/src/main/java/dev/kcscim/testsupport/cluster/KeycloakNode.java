package dev.kcscim.testsupport.cluster;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HarnessSettings;
import dev.kcscim.testsupport.KeycloakProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Keycloak process of a {@link KeycloakCluster}: {@code kc.sh start --optimized} from its own copy of the
 * built distribution, on its own 127.0.0.1 HTTP, management and JGroups ports. Its whole output goes to
 * {@link #logFile()}, kept after it stops. {@link #kill()} is {@code kill -9}; {@link #stop()} is a graceful stop.
 */
public final class KeycloakNode {

    private static final Pattern CLUSTER_VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\) \\[(.*)\\]\\s*$");
    private static final Duration POLL = Duration.ofSeconds(1);

    private final int index;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private final Path logFile;
    /** Where this run of the node starts in {@link #logFile}: a restarted node appends to the same file. */
    private final long logStart;
    private final Process process;
    private final AdminClient admin;

    private KeycloakNode(int index, Path home, int httpPort, int managementPort, int clusterPort, Path logFile, long logStart,
            Process process) {
        this.index = index;
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.clusterPort = clusterPort;
        this.logFile = logFile;
        this.logStart = logStart;
        this.process = process;
        this.admin = new AdminClient(baseUrl(), HarnessSettings.ADMIN_USERNAME, HarnessSettings.ADMIN_PASSWORD);
    }

    /** Launches {@code command} in {@code home} with {@code environment}; does not wait for readiness. */
    static KeycloakNode launch(int index, Path home, List<String> command, Map<String, String> environment,
            int httpPort, int managementPort, int clusterPort, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "=== " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new KeycloakNode(index, home, httpPort, managementPort, clusterPort, logFile, logStart, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** 1-based position in the cluster. */
    public int index() {
        return index;
    }

    /** The JGroups/Infinispan node name, {@code node-<index>}. */
    public String name() {
        return "node-" + index;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The inbound SCIM base URL of {@code realm} on this node. */
    public String scimBaseUrl(String realm) {
        return baseUrl() + "/realms/" + realm + "/scim-provisioning/v2";
    }

    /** Admin REST of this node as the bootstrap admin. */
    public AdminClient admin() {
        return admin;
    }

    public int clusterPort() {
        return clusterPort;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    /** The PID of the {@code kc.sh} wrapper (the JVM is its child). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Members of the last cluster view this run of the node logged (Infinispan {@code ISPN000094}), by node name,
     * in view order; empty before the node joined any view.
     */
    public List<String> clusterView() {
        return lastClusterView(currentRunLog());
    }

    /** The members of the last {@code ISPN000094} view in {@code log}, without their version suffix. */
    static List<String> lastClusterView(String log) {
        List<String> members = List.of();
        for (String line : log.split("\n")) {
            Matcher m = CLUSTER_VIEW.matcher(line);
            if (m.find()) {
                List<String> names = new ArrayList<>();
                for (String member : m.group(2).split(",\\s*")) {
                    int version = member.indexOf('(');
                    names.add(version < 0 ? member.trim() : member.substring(0, version).trim());
                }
                members = List.copyOf(names);
            }
        }
        return members;
    }

    /** The log of this run of the node (a restarted node appends to the file of its earlier runs). */
    public String currentRunLog() {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            channel.position(logStart);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
    }

    /** The last 40 lines of this run's log, headed by the log file's path, for failure messages. */
    public String logTail() {
        String[] lines = currentRunLog().split("\n");
        return "--- " + logFile + " (last lines of this run) ---\n"
                + String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    /** Waits until the last logged view has exactly {@code expected} members, in any order; fails after {@code timeout}. */
    public void awaitClusterView(List<String> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> view = clusterView();
            if (view.size() == expected.size() && view.containsAll(expected)) {
                return;
            }
            KeycloakProcesses.sleep(POLL);
        }
        throw new IllegalStateException(name() + " did not see cluster view " + expected + " within " + timeout.toSeconds()
                + " s; last view " + clusterView() + "\n" + logTail());
    }

    /** Polls {@code /health/ready} on the management port until it answers 200; fails if the process exits. */
    void awaitReady(Duration timeout) {
        KeycloakProcesses.awaitReady(process, managementUrl(), timeout, name(), () -> "\n" + logTail());
    }

    /** {@code kill -9} of the JVM and its {@code kc.sh} wrapper: no shutdown hook runs, no cluster leave is sent. */
    public void kill() {
        KeycloakProcesses.kill(process);
    }

    /** Graceful stop: SIGTERM (kc.sh forwards it to the JVM), SIGKILL after 30 s. */
    public void stop() {
        KeycloakProcesses.stopGracefully(process);
    }

    @Override
    public String toString() {
        return name() + "[" + baseUrl() + ", pid " + process.pid() + ", log " + logFile + "]";
    }
}
