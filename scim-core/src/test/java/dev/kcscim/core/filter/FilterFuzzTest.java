package dev.kcscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.core.schema.CoreSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 seeded random and mutated inputs to the parser, printer and evaluator. Each must end in a
 * filter (whose printed form parses back to the same tree and which evaluates to a boolean) or in a 400
 * invalidFilter naming a position; no other exception, and the whole run stays within the time bound.
 */
class FilterFuzzTest {

    private static final int INPUTS = 100_000;
    private static final long SEED = 7_644L;
    private static final Pattern POSITIONED = Pattern.compile(".* at position \\d+(;.*)?$", Pattern.DOTALL);
    private static final String[] TOKENS = {"userName", "emails", "name.givenName", "meta.created", "active", "x",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "urn:", ":", ".", " eq ", " ne ",
            " co ", " sw ", " ew ", " gt ", " ge ", " lt ", " le ", " pr", " and ", " or ", "not ", "(", ")", "[", "]",
            "\"", "\"a\"", "\"\\u00e9\"", "\\", "\\u", "true", "false", "null", "1", "-", "0.5", "1e9", "e", " ", "\t",
            "é", "\u0000", "\uD83D", "$ref", "]."};

    private final JsonFilterEvaluator evaluator = new JsonFilterEvaluator(CoreSchemas.USER_RESOURCE);
    private final JsonNode user = JsonFilterEvaluatorTest.USER;

    @Test
    void everyInputEndsInAFilterOrInvalidFilter() {
        Random random = new Random(SEED);
        List<String> seeds = new FilterCorpus(SEED).filters(500);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < INPUTS; i++) {
                String input = switch (i % 3) {
                    case 0 -> tokens(random);
                    case 1 -> mutate(seeds.get(random.nextInt(seeds.size())), random);
                    default -> chars(random);
                };
                outcomes[check(input) ? 0 : 1]++;
            }
        });
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(INPUTS);
        assertThat(outcomes[0]).as("inputs that parsed").isGreaterThan(5_000);
        assertThat(outcomes[1]).as("inputs rejected").isGreaterThan(5_000);
    }

    @Test
    void deeplyNestedAndOversizedInputsAreRejectedQuickly() {
        List<String> hostile = new ArrayList<>();
        hostile.add("(".repeat(100_000));
        hostile.add("not (".repeat(20_000));
        hostile.add("a[".repeat(50_000));
        hostile.add("a pr or ".repeat(1_249) + "a pr");
        hostile.add("a eq \"" + "\\\"".repeat(4_990) + "\"");
        hostile.add("a eq " + "9".repeat(9_990));
        hostile.add("a eq 1e" + "9".repeat(9_990));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> hostile.forEach(this::check));
    }

    /** True when the input parsed; asserts the contract either way. */
    private boolean check(String input) {
        Filter filter;
        try {
            filter = FilterParser.parse(input);
        } catch (ScimException e) {
            assertInvalidFilter(input, e);
            assertThat(POSITIONED.matcher(e.detail()).matches()).as("position in %s for %s", e.detail(), input).isTrue();
            return false;
        }
        assertThat(FilterParser.parse(FilterPrinter.print(filter))).as("round trip of %s", input).isEqualTo(filter);
        try {
            evaluator.matches(filter, user);
        } catch (ScimException e) {
            assertInvalidFilter(input, e);
        }
        return true;
    }

    private static void assertInvalidFilter(String input, ScimException e) {
        assertThat(e.status()).as("status for %s", input).isEqualTo(400);
        assertThat(e.scimType()).as("scimType for %s", input).isEqualTo(ScimType.INVALID_FILTER);
    }

    private static String tokens(Random random) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    private static String chars(Random random) {
        char[] text = new char[random.nextInt(40)];
        for (int i = 0; i < text.length; i++) {
            text[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x5f));
        }
        return new String(text);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> text.setCharAt(at, (char) (0x20 + random.nextInt(0x5f)));
                case 3 -> text.setLength(at);
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(10))));
            }
        }
        return text.toString();
    }
}
