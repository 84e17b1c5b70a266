package dev.kcscim.testsupport.cluster;

import dev.kcscim.testsupport.HarnessSettings;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link KeycloakClusterTest}. Clusters live in the root context's store (one per
 * {@link ClusterConfig}) and are stopped, PostgreSQL included, when the run ends. A cluster that failed to start
 * is not retried: later classes fail at once with the same cause. When a test fails, the node logs are named.
 */
public final class KeycloakClusterExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context).ensureAllRunning();
    }

    /** The cluster for the test class of {@code context}, started on first use. */
    public static KeycloakCluster cluster(ExtensionContext context) {
        ClusterConfig config = configFor(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(config, key -> ClusterHolder.start(config), ClusterHolder.class)
                .cluster();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == KeycloakCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return cluster(extension);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportLogs(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportLogs(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportLogs(context, throwable);
        throw throwable;
    }

    private static void reportLogs(ExtensionContext context, Throwable throwable) {
        ClusterHolder holder = context.getRoot().getStore(NAMESPACE).get(configFor(context), ClusterHolder.class);
        if (holder != null && holder.cluster != null) {
            String test = context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
            for (KeycloakNode node : holder.cluster.nodes()) {
                System.err.printf("[keycloak-cluster] %s failed (%s); %s log: %s%n",
                        test, throwable.getClass().getSimpleName(), node.name(), node.logFile());
            }
        }
    }

    private static ClusterConfig configFor(ExtensionContext context) {
        Optional<KeycloakClusterTest> annotation = Optional.empty();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent() && annotation.isEmpty(); c = c.get().getParent()) {
            annotation = c.get().getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, KeycloakClusterTest.class));
        }
        return annotation
                .map(a -> new ClusterConfig(a.nodes(), List.of(a.features()), List.of(a.options())))
                .orElse(ClusterConfig.DEFAULT);
    }

    /** Holds a started cluster, or why it could not start; closed by JUnit when the root context closes. */
    @SuppressWarnings("deprecation")
    static final class ClusterHolder implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final KeycloakCluster cluster;
        private final RuntimeException failure;

        private ClusterHolder(KeycloakCluster cluster, RuntimeException failure) {
            this.cluster = cluster;
            this.failure = failure;
        }

        static ClusterHolder start(ClusterConfig config) {
            long started = System.nanoTime();
            try {
                KeycloakCluster cluster = KeycloakCluster.start(HarnessSettings.fromSystemProperties(), config);
                System.out.printf("[keycloak-cluster] started %s in %.1f s%n", cluster, (System.nanoTime() - started) / 1e9);
                return new ClusterHolder(cluster, null);
            } catch (RuntimeException e) {
                return new ClusterHolder(null, e);
            }
        }

        KeycloakCluster cluster() {
            if (failure != null) {
                throw new IllegalStateException("Keycloak cluster did not start: " + failure.getMessage(), failure);
            }
            return cluster;
        }

        @Override
        public synchronized void close() {
            if (cluster != null) {
                cluster.close();
                System.out.printf("[keycloak-cluster] stopped %s%n", cluster);
            }
        }
    }
}
