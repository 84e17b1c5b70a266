package dev.kcscim.testsupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link KeycloakIntegrationTest}. Servers live in the root context's store, so one
 * server per distinct {@link KeycloakServerConfig} is started once per test run and stopped when the run ends.
 * A server that failed to start is not retried: every later class fails at once with the same cause.
 * When a test fails, the server log's path is printed so the failure can be read next to the server side.
 */
public final class KeycloakExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    /** The server for the test class of {@code context}, started on first use. */
    public static KeycloakServer server(ExtensionContext context) {
        KeycloakServerConfig config = configFor(context);
        ServerHolder holder = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(config, key -> ServerHolder.start(config), ServerHolder.class);
        return holder.server();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == AdminClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        KeycloakServer server = server(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakServer.class) {
            return server;
        }
        if (type == AdminClient.class) {
            return server.admin();
        }
        throw new ParameterResolutionException("unsupported parameter type " + type);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportLog(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportLog(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportLog(context, throwable);
        throw throwable;
    }

    private static void reportLog(ExtensionContext context, Throwable throwable) {
        KeycloakServerConfig config = configFor(context);
        ServerHolder holder = context.getRoot().getStore(NAMESPACE).get(config, ServerHolder.class);
        if (holder != null && holder.server != null) {
            String test = context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
            System.err.printf("[keycloak-harness] %s failed (%s); Keycloak server log: %s%n",
                    test, throwable.getClass().getSimpleName(), holder.server.logFile());
        }
    }

    private static KeycloakServerConfig configFor(ExtensionContext context) {
        Optional<KeycloakIntegrationTest> annotation = Optional.empty();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent() && annotation.isEmpty(); c = c.get().getParent()) {
            annotation = c.get().getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, KeycloakIntegrationTest.class));
        }
        return annotation
                .map(a -> new KeycloakServerConfig(List.of(a.features()), List.of(a.options())))
                .orElse(KeycloakServerConfig.DEFAULT);
    }

    /** Holds a started server, or why it could not start; closed by JUnit when the root context closes. */
    @SuppressWarnings("deprecation")
    static final class ServerHolder implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final KeycloakServer server;
        private final RuntimeException failure;

        private ServerHolder(KeycloakServer server, RuntimeException failure) {
            this.server = server;
            this.failure = failure;
        }

        static ServerHolder start(KeycloakServerConfig config) {
            long started = System.nanoTime();
            try {
                KeycloakServer server = KeycloakServer.start(HarnessSettings.fromSystemProperties(), config);
                System.out.printf("[keycloak-harness] started %s in %.1f s%n", server, (System.nanoTime() - started) / 1e9);
                return new ServerHolder(server, null);
            } catch (RuntimeException e) {
                return new ServerHolder(null, e);
            }
        }

        KeycloakServer server() {
            if (failure != null) {
                throw new IllegalStateException("Keycloak did not start: " + failure.getMessage(), failure);
            }
            return server;
        }

        @Override
        public synchronized void close() {
            if (server != null && server.isAlive()) {
                server.close();
                System.out.printf("[keycloak-harness] stopped %s%n", server);
            }
        }
    }
}
