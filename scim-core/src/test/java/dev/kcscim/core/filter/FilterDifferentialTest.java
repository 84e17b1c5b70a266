package dev.kcscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.Parser;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares our parser and evaluator with the UnboundID SCIM 2 SDK (an independent implementation) over a
 * seeded corpus of generated filters and the users of {@code sample-users.json}. Outcomes are "true",
 * "false" or "400". Every disagreement must be listed, with its reason, in {@link KnownFilterDifferences}.
 */
class FilterDifferentialTest {

    private static final int CORPUS_SIZE = 1_500;
    private static final long SEED = 20261129L;
    private static final ResourceSchema SCHEMA = CoreSchemas.USER_RESOURCE;

    @Test
    void agreesWithUnboundIdOnTheGeneratedCorpus() throws IOException {
        List<JsonNode> users = users();
        List<String> corpus = new FilterCorpus(SEED).filters(CORPUS_SIZE);
        assertThat(corpus).hasSize(CORPUS_SIZE);
        Map<String, String> disagreements = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (String filter : corpus) {
            String ourParse = parses(() -> FilterParser.parse(filter));
            String theirParse = parses(() -> Parser.parseFilter(filter));
            if (!ourParse.equals(theirParse)) {
                disagreements.put(filter, "parse: ours " + ourParse + ", UnboundID " + theirParse);
                continue;
            }
            String cased = schemaCased(filter);
            for (int i = 0; i < users.size(); i++) {
                String ours = ours(filter, users.get(i));
                String theirs = theirs(cased, users.get(i));
                outcomes.merge(ours, 1, Integer::sum);
                if (!ours.equals(theirs)) {
                    disagreements.putIfAbsent(filter, "user " + i + ": ours " + ours + ", UnboundID " + theirs);
                }
            }
        }
        assertThat(KnownFilterDifferences.BY_FILTER.keySet()).as("stale entries").isSubsetOf(disagreements.keySet());
        disagreements.keySet().removeAll(KnownFilterDifferences.BY_FILTER.keySet());
        // the corpus must exercise both answers and the type checks, or agreement means little
        assertThat(outcomes).as("outcomes").hasEntrySatisfying("true", n -> assertThat(n).isGreaterThan(1_500))
                .hasEntrySatisfying("false", n -> assertThat(n).isGreaterThan(1_500))
                .hasEntrySatisfying("400", n -> assertThat(n).isGreaterThan(10));
        if (Boolean.getBoolean("differential.print")) {
            System.out.println("OUTCOMES " + outcomes);
        }
        StringBuilder report = new StringBuilder();
        disagreements.forEach((filter, detail) -> report.append(filter).append("  =>  ").append(detail).append('\n'));
        if (!disagreements.isEmpty() && Boolean.getBoolean("differential.print")) {
            disagreements.forEach((filter, detail) -> System.out.println("DIFF|" + filter + "|" + detail));
        }
        assertThat(disagreements).as("unexplained disagreements:\n" + report).isEmpty();
    }

    /** Grammar cases where the two parsers deliberately disagree on whether the text is a filter. */
    private static final Map<String, String> PARSE_DIFFERENCES = Map.ofEntries(
            Map.entry("emails[type eq \"work\"", "RFC 7644 §3.4.2.2 valuePath needs the closing ']'; UnboundID accepts its absence at the end"),
            Map.entry("emails.value[type pr]", "a value filter applies to a multi-valued complex attribute, never to a sub-attribute (RFC 7643 §2.3.8)"),
            Map.entry("a eq 1e99999999999", "out of decimal range; UnboundID turns it into the string \"Infinity\""),
            Map.entry("1abc pr", "RFC 7643 §2.1: ATTRNAME starts with ALPHA"),
            Map.entry("a.b.c pr", "RFC 7644 §3.10: at most one sub-attribute"),
            Map.entry(FilterCorpus.ENT + " pr", "a bare schema URN names a schema, not an attribute"),
            Map.entry("userName\teq\t\"x\"", "we accept JSON whitespace between tokens, not just SP (leniency)"),
            Map.entry("not pr", "\"not\" is a valid ATTRNAME; it is the keyword only before '(' (RFC 7644 §3.4.2.2)"),
            Map.entry("and pr and or pr", "\"and\" and \"or\" are valid ATTRNAMEs where an attribute path is expected"),
            Map.entry("emails[type eq \"work\"].value eq \"a@b.c\"", "Entra ID sends it (idp-wire-behaviour.md); read as a value filter"),
            Map.entry("emails[type eq \"work\"].value pr", "Entra ID's form, as above"),
            Map.entry("a eq True", "RFC 5234 §2.3: ABNF literals such as \"true\" are case-insensitive"),
            Map.entry("a eq FALSE", "RFC 5234 §2.3, as above"),
            Map.entry("a ne NULL", "RFC 5234 §2.3, as above"));

    static Stream<Arguments> grammarCases() {
        return Stream.of(FilterParserTest.operators(), FilterParserTest.precedence(), FilterParserTest.valuePaths(),
                FilterParserTest.literals(), FilterParserTest.invalid()).flatMap(s -> s).map(a -> Arguments.of(a.get()[0]));
    }

    /** Every input of the parser tables: both parsers accept it or both reject it, unless listed above. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("grammarCases")
    void agreesWithUnboundIdOnWhatParses(String filter) {
        String ours = parses(() -> FilterParser.parse(filter));
        String theirs = parses(() -> Parser.parseFilter(filter));
        if (PARSE_DIFFERENCES.containsKey(filter)) {
            assertThat(ours).as("listed difference: " + PARSE_DIFFERENCES.get(filter)).isNotEqualTo(theirs);
        } else {
            assertThat(ours).as("UnboundID says " + theirs).isEqualTo(theirs);
        }
    }

    /**
     * UnboundID matches attribute names case-sensitively, against RFC 7643 §2.1 ("attribute names are
     * case insensitive"); it therefore evaluates the filter with names spelled as in the schema, printed by
     * our printer (which the comparison thereby also checks), while we evaluate the text as generated.
     */
    private static String schemaCased(String filter) {
        try {
            return FilterPrinter.print(FilterParser.parse(filter).accept(new SchemaCasing(SCHEMA, null)));
        } catch (dev.kcscim.core.error.ScimException e) {
            return filter;
        }
    }

    private static String parses(ThrowingSupplier parse) {
        try {
            parse.get();
            return "parsed";
        } catch (dev.kcscim.core.error.ScimException e) {
            return Integer.toString(e.status());
        } catch (ScimException e) {
            return Integer.toString(e.getScimError().getStatus());
        }
    }

    private interface ThrowingSupplier {
        Object get() throws ScimException;
    }

    private static String ours(String filter, JsonNode user) {
        try {
            return Boolean.toString(new JsonFilterEvaluator(SCHEMA).matches(FilterParser.parse(filter), user));
        } catch (dev.kcscim.core.error.ScimException e) {
            return Integer.toString(e.status());
        }
    }

    private static String theirs(String filter, JsonNode user) {
        try {
            return Boolean.toString(Parser.parseFilter(filter).visit(new SchemaAwareEvaluator(), user));
        } catch (ScimException e) {
            return Integer.toString(e.getScimError().getStatus());
        }
    }

    private static List<JsonNode> users() throws IOException {
        try (InputStream in = FilterDifferentialTest.class.getResourceAsStream("sample-users.json")) {
            List<JsonNode> users = new ArrayList<>();
            ScimJson.mapper().readTree(in).forEach(users::add);
            return users;
        }
    }

    /** UnboundID's evaluator told caseExact and type from our schema, so both sides see the same schema. */
    private static final class SchemaAwareEvaluator extends FilterEvaluator {
        @Override
        protected com.unboundid.scim2.common.types.AttributeDefinition getAttributeDefinition(Path path) {
            Optional<AttributeDefinition> ours = definition(path);
            if (ours.isEmpty()) {
                return null;
            }
            return new com.unboundid.scim2.common.types.AttributeDefinition.Builder()
                    .setName(ours.get().name())
                    .setType(Type.fromName(ours.get().type().wireValue()))
                    .setCaseExact(ours.get().caseExact())
                    .setMultiValued(ours.get().multiValued())
                    .build();
        }

        private static Optional<AttributeDefinition> definition(Path path) {
            StringBuilder text = new StringBuilder();
            if (path.getSchemaUrn() != null) {
                text.append(path.getSchemaUrn()).append(':');
            }
            for (int i = 0; i < path.size(); i++) {
                text.append(i == 0 ? "" : ".").append(path.getElement(i).getAttribute());
            }
            try {
                AttributePath ourPath = AttributePath.parse(text.toString());
                Optional<AttributeDefinition> top = SCHEMA.resolve(ourPath);
                if (top.isPresent() || ourPath.subAttribute() != null) {
                    return top;
                }
                // A relative path inside a value filter: the sub-attribute of some multi-valued attribute.
                return SCHEMA.core().attributes().stream()
                        .flatMap(attribute -> attribute.subAttribute(ourPath.name()).stream())
                        .findFirst();
            } catch (dev.kcscim.core.error.ScimException e) {
                return Optional.empty();
            }
        }
    }
}
