package dev.kcscim.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 50,000 seeded random paths: each parses (and its canonical text parses back to the same path) or fails
 * with 400 invalidPath; nothing else escapes.
 */
class PathFuzzTest {

    private static final String[] TOKENS = {"emails", "name", "givenName", "value", "$ref", ".", ".", ":", "[", "]",
            "type eq \"work\"", " ", "\"", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:x:",
            "manager", "2.0", "-", "_", "é", "(", ")", " and ", "pr", "\\"};

    @Test
    void everyPathParsesOrIsInvalidPath() {
        Random random = new Random(3_10L);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 50_000; i++) {
                StringBuilder text = new StringBuilder();
                int count = 1 + random.nextInt(6);
                for (int t = 0; t < count; t++) {
                    text.append(TOKENS[random.nextInt(TOKENS.length)]);
                }
                check(text.toString());
            }
        });
    }

    private static void check(String text) {
        try {
            AttributePath path = AttributePath.parse(text);
            assertThat(AttributePath.parse(path.toString())).as(text).isEqualTo(path);
        } catch (ScimException e) {
            assertInvalidPath(text, e);
        }
        try {
            PatchPath path = PatchPath.parse(text);
            assertThat(PatchPath.parse(path.toString())).as(text).isEqualTo(path);
        } catch (ScimException e) {
            assertInvalidPath(text, e);
        }
    }

    private static void assertInvalidPath(String text, ScimException e) {
        assertThat(e.status()).as(text).isEqualTo(400);
        assertThat(e.scimType()).as(text).isEqualTo(ScimType.INVALID_PATH);
    }
}
