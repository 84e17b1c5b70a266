package dev.kcscim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * scim-core is the protocol engine shared by both providers and must not know that Keycloak exists
 * (architecture.md, "modules"). This checks the sources and the compiled classes: a fully qualified
 * reference that no import line shows still lands in the class file's constant pool.
 */
class NoKeycloakDependencyTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    /** target/classes, found beside target/test-classes so a renamed build folder still works. */
    private static final Path MAIN_CLASSES = mainClassesDir();

    @Test
    void noSourceFileMentionsOrgKeycloak() throws IOException {
        assertThat(Files.isDirectory(MAIN_SOURCES)).as("run from the scim-core module directory").isTrue();
        List<Path> offenders = filesEndingWith(MAIN_SOURCES, ".java").stream()
                .filter(file -> read(file).contains("org.keycloak"))
                .collect(Collectors.toList());
        assertThat(offenders).as("scim-core sources referring to org.keycloak").isEmpty();
    }

    @Test
    void noCompiledClassReferencesOrgKeycloak() throws IOException {
        List<Path> classes = filesEndingWith(MAIN_CLASSES, ".class");
        assertThat(classes).as("compiled scim-core classes").isNotEmpty();
        List<Path> offenders = classes.stream()
                .filter(file -> new String(readBytes(file), StandardCharsets.ISO_8859_1).contains("org/keycloak"))
                .collect(Collectors.toList());
        assertThat(offenders).as("scim-core classes whose constant pool names org/keycloak").isEmpty();
    }

    private static Path mainClassesDir() {
        try {
            Path testClasses = Path.of(NoKeycloakDependencyTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.resolveSibling("classes");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> filesEndingWith(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
