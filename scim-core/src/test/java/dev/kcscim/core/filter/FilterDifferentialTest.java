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
import org.junit.jupiter.api.Test;

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
                if (!ours.equals(theirs)) {
                    disagreements.putIfAbsent(filter, "user " + i + ": ours " + ours + ", UnboundID " + theirs);
                }
            }
        }
        assertThat(KnownFilterDifferences.BY_FILTER.keySet()).as("stale entries").isSubsetOf(disagreements.keySet());
        disagreements.keySet().removeAll(KnownFilterDifferences.BY_FILTER.keySet());
        StringBuilder report = new StringBuilder();
        disagreements.forEach((filter, detail) -> report.append(filter).append("  =>  ").append(detail).append('\n'));
        if (!disagreements.isEmpty() && Boolean.getBoolean("differential.print")) {
            disagreements.forEach((filter, detail) -> System.out.println("DIFF|" + filter + "|" + detail));
        }
        assertThat(disagreements).as("unexplained disagreements:\n" + report).isEmpty();
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
