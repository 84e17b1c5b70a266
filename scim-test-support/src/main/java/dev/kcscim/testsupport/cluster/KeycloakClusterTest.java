package dev.kcscim.testsupport.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a {@link KeycloakCluster}: PostgreSQL (started through
 * {@code scripts/postgres.sh}, installed on first use) and {@link #nodes()} Keycloak nodes with our bundle JAR.
 * Classes with the same attributes share one cluster for the whole run; before each class, nodes a previous
 * class killed are started again. Test and lifecycle methods may declare a {@link KeycloakCluster} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KeycloakClusterExtension.class)
public @interface KeycloakClusterTest {

    /** Number of nodes. */
    int nodes() default 2;

    /** Keycloak features to enable (build-time). */
    String[] features() default {};

    /** Extra run-time {@code kc.sh start} options for every node. */
    String[] options() default {};
}
