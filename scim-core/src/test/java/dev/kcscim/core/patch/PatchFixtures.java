package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PATCH cases under {@code src/test/resources/patch/}: one JSON file per case holding
 * {@code description}, optional {@code resourceType} ("User" by default, or "Group"), {@code given},
 * {@code patch} (the wire body) and either {@code expect} (the exact resulting resource) or
 * {@code error} ({@code status}, {@code scimType}).
 */
final class PatchFixtures {

    private PatchFixtures() {
    }

    record Fixture(String name, JsonNode json) {
        ResourceSchema schema() {
            return "Group".equals(json.path("resourceType").asText("User"))
                    ? CoreSchemas.GROUP_RESOURCE : CoreSchemas.USER_RESOURCE;
        }

        @Override
        public String toString() {
            return name + ": " + json.path("description").asText();
        }
    }

    static List<Fixture> all() {
        try {
            Path root = Path.of(PatchFixtures.class.getResource("/patch").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(file -> file.toString().endsWith(".json"))
                        .sorted()
                        .map(file -> new Fixture(root.relativize(file).toString().replace('\\', '/'), read(file)))
                        .collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return ScimJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
