package dev.kcscim.testsupport.cluster;

import dev.kcscim.testsupport.FreePorts;
import dev.kcscim.testsupport.HarnessSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak cluster for tests: {@link ClusterConfig#nodes()} production-mode nodes ({@code kc.sh start
 * --optimized}) with our bundle JAR, sharing one PostgreSQL database (the project's own instance, see
 * {@link PostgresDatabase}) and forming one Infinispan cluster over loopback: JGroups binds to 127.0.0.1 on a
 * port of its own per node and finds its peers through Keycloak's default {@code jdbc-ping} stack, i.e. through
 * the shared database, so no multicast is needed. Every port is on 127.0.0.1. Node logs are kept under
 * {@code <kc.work.dir>/cluster-.../node-<n>/server.log}.
 *
 * <pre>{@code
 * try (KeycloakCluster cluster = KeycloakCluster.start(HarnessSettings.fromSystemProperties(), ClusterConfig.DEFAULT)) {
 *     cluster.node(1).admin().createRealm("r");
 * }
 * }</pre>
 * JUnit tests use {@link KeycloakClusterTest} instead, which shares one cluster per config across a run.
 */
public final class KeycloakCluster implements AutoCloseable {

    /** How long after the last node is ready every node may take to log the complete cluster view. */
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(90);

    private final HarnessSettings settings;
    private final ClusterConfig config;
    private final PostgresDatabase database;
    private final ClusterDistribution distribution;
    private final List<NodePorts> ports;
    private final KeycloakNode[] nodes;
    private final Thread shutdownHook = new Thread(this::stopAll, "keycloak-cluster-stop");

    private KeycloakCluster(HarnessSettings settings, ClusterConfig config, PostgresDatabase database,
            ClusterDistribution distribution, List<NodePorts> ports) {
        this.settings = settings;
        this.config = config;
        this.database = database;
        this.distribution = distribution;
        this.ports = ports;
        this.nodes = new KeycloakNode[config.nodes()];
    }

    /**
     * Starts PostgreSQL with a fresh database, builds the distribution if needed, then starts the nodes one after
     * the other (the first one creates the schema and the admin) and waits until every node is ready and has
     * logged a cluster view holding all nodes. On failure everything started is stopped again.
     */
    public static KeycloakCluster start(HarnessSettings settings, ClusterConfig config) {
        PostgresDatabase database = PostgresDatabase.startFresh(PostgresDatabase.defaultDir(settings.workDir()), config.databaseName());
        KeycloakCluster cluster = null;
        try {
            ClusterDistribution distribution = ClusterDistribution.prepare(settings, config);
            List<NodePorts> ports = new ArrayList<>();
            for (int i = 0; i < config.nodes(); i++) {
                ports.add(new NodePorts(FreePorts.find(), FreePorts.find(), freeClusterPort()));
            }
            cluster = new KeycloakCluster(settings, config, database, distribution, ports);
            Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
            for (int i = 1; i <= config.nodes(); i++) {
                cluster.launch(i);
            }
            cluster.awaitFullView();
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                database.close();
            }
            throw e;
        }
    }

    public ClusterConfig config() {
        return config;
    }

    public PostgresDatabase database() {
        return database;
    }

    /** Node {@code index}, 1-based. */
    public KeycloakNode node(int index) {
        if (index < 1 || index > nodes.length) {
            throw new IllegalArgumentException("no node " + index + " in a cluster of " + nodes.length);
        }
        return nodes[index - 1];
    }

    public List<KeycloakNode> nodes() {
        return List.of(nodes);
    }

    /** Node names ({@code node-1}, ...) in index order. */
    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes.length; i++) {
            names.add("node-" + i);
        }
        return names;
    }

    /**
     * Starts node {@code index} again (after {@link KeycloakNode#kill()} or {@link KeycloakNode#stop()}) on the
     * same ports from a fresh copy of the distribution, and waits until it is ready and every node sees the full view.
     */
    public KeycloakNode restart(int index) {
        node(index).stop();
        launch(index);
        awaitFullView();
        return node(index);
    }

    /** Restarts every node that is no longer running (a previous test may have killed one). */
    public void ensureAllRunning() {
        boolean restarted = false;
        for (int i = 1; i <= nodes.length; i++) {
            if (!node(i).isAlive()) {
                launch(i);
                restarted = true;
            }
        }
        if (restarted) {
            awaitFullView();
        }
    }

    /** Stops the nodes (last first), then PostgreSQL if this cluster started it. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private void stopAll() {
        for (int i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i] != null) {
                nodes[i].stop();
            }
        }
        database.close();
    }

    private void launch(int index) {
        NodePorts p = ports.get(index - 1);
        Path home = distribution.freshNodeHome(index);
        Path logFile = distribution.nodeFolder(index).resolve("server.log");
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
        command.addAll(nodeStartArguments(index, p.http(), p.management(), p.cluster()));
        command.addAll(config.options());
        Map<String, String> env = new HashMap<>();
        env.put("KC_DB_URL", database.jdbcUrl());
        env.put("KC_DB_USERNAME", PostgresDatabase.USERNAME);
        env.put("KC_DB_PASSWORD", PostgresDatabase.PASSWORD);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", HarnessSettings.ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", HarnessSettings.ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", settings.heapOptions());
        KeycloakNode node = KeycloakNode.launch(index, home, command, env, p.http(), p.management(), p.cluster(), logFile);
        nodes[index - 1] = node;
        node.awaitReady(settings.startupTimeout());
    }

    /**
     * The {@code kc.sh start --optimized} options of node {@code index} (before {@link ClusterConfig#options()}):
     * production mode over plain HTTP on 127.0.0.1, embedded Infinispan with JGroups bound to 127.0.0.1 and the
     * default {@code jdbc-ping} discovery, node name {@code node-<index>}, and the outbound URL policy opened for
     * loopback http targets (tests talk to loopback targets: {@code KeycloakServer.LOOPBACK_TARGET_OPTIONS}). Database settings and the bootstrap admin
     * are passed as {@code KC_*} environment variables. {@code docker/compose.yml} mirrors these options
     * (DockerPackagingIT checks it).
     */
    public static List<String> nodeStartArguments(int index, int httpPort, int managementPort, int clusterPort) {
        return List.of(
                "--http-enabled=true",
                "--hostname-strict=false",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                // the Infinispan/JGroups node name, so views read "node-1, node-2" instead of host-derived names
                "--spi-cache-embedded--default--node-name=node-" + index,
                "--log-level=INFO,dev.kcscim:debug",
                // tests talk to loopback targets (the mock on http://127.0.0.1:<port>)
                "--spi-events-listener--scim-provisioning--allow-http=true",
                "--spi-events-listener--scim-provisioning--allowed-hosts=127.0.0.1");
    }

    private void awaitFullView() {
        for (KeycloakNode node : nodes) {
            node.awaitClusterView(nodeNames(), VIEW_TIMEOUT);
        }
    }

    /**
     * A free port for JGroups TCP whose failure-detection companion is free too: Keycloak's stack runs
     * {@code FD_SOCK2} on the bind port + 50000 (wrapping past 65535).
     */
    private static int freeClusterPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = FreePorts.find();
            if (isFree(port + 1) && isFree((port + 50_000) % 65_536)) {
                return port;
            }
        }
        throw new IllegalStateException("no free JGroups port pair on 127.0.0.1");
    }

    private static boolean isFree(int port) {
        if (port < 1024) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "KeycloakCluster" + nodes() + " on " + database;
    }

    private record NodePorts(int http, int management, int cluster) {
    }
}
