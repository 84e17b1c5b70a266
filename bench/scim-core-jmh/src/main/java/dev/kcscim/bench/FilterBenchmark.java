package dev.kcscim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.filter.FilterParser;
import dev.kcscim.core.filter.FilterPrinter;
import dev.kcscim.core.filter.JsonFilterEvaluator;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.CoreSchemas;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the filter engine (RFC 7644 §3.4.2.2): parsing, printing, and in-memory evaluation
 * against a full User, for the filters Okta and Entra ID send and for a larger mixed one. No assertions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FilterBenchmark {

    private static final Map<String, String> FILTERS = Map.of(
            "okta", "userName eq \"bjensen@example.com\"",
            "entra", "emails[type eq \"work\"].value eq \"bjensen@example.com\"",
            "group", "id eq \"e9e30dba\" and members[value eq \"2819c223\"]",
            "mixed", "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"
                    + " and not (title pr) or meta.lastModified gt \"2011-05-13T04:42:34Z\""
                    + " and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"");

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "id":"2819c223","userName":"bjensen@example.com","userType":"Employee","active":true,
             "name":{"givenName":"Barbara","familyName":"Jensen"},
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@jensen.org","type":"home"}],
             "meta":{"resourceType":"User","created":"2010-01-23T04:56:22Z","lastModified":"2011-05-13T04:42:34Z"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"26118915"}}}""";

    @Param({"okta", "entra", "group", "mixed"})
    public String filter;

    private String text;
    private Filter parsed;
    private JsonNode user;
    private final JsonFilterEvaluator evaluator = new JsonFilterEvaluator(CoreSchemas.USER_RESOURCE);

    @Setup
    public void setUp() throws JsonProcessingException {
        text = FILTERS.get(filter);
        parsed = FilterParser.parse(text);
        user = ScimJson.mapper().readTree(USER);
    }

    @Benchmark
    public Filter parse() {
        return FilterParser.parse(text);
    }

    @Benchmark
    public String print() {
        return FilterPrinter.print(parsed);
    }

    @Benchmark
    public boolean evaluate() {
        return evaluator.matches(parsed, user);
    }

    @Benchmark
    public boolean parseAndEvaluate() {
        return evaluator.matches(FilterParser.parse(text), user);
    }
}
