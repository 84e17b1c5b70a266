package dev.kcscim.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real Keycloak with our bundle JAR. Classes without
 * {@link #features()} or {@link #options()} share one server for the whole test run; a class that needs its
 * own start options gets its own server (shared with any class asking for the same options).
 * Test methods and lifecycle methods may declare {@link KeycloakServer} or {@link AdminClient} parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KeycloakExtension.class)
public @interface KeycloakIntegrationTest {

    /** Keycloak features to enable, e.g. {@code "scim-api"}. */
    String[] features() default {};

    /** Extra {@code kc.sh start-dev} options, e.g. {@code "--spi-x--y--z=v"}. */
    String[] options() default {};
}
