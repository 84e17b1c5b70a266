package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.Objects;

/**
 * Evaluates filters in memory against JSON resources (RFC 7644 §3.4.2.2), using the schema for each
 * attribute's type and {@code caseExact}:
 * <ul>
 *   <li>strings and references compare case-insensitively unless caseExact; binary is always exact;</li>
 *   <li>dateTime values compare as instants (a filter value that is not a dateTime is 400 invalidFilter);
 *       integers and decimals compare numerically; booleans by value;</li>
 *   <li>a multi-valued attribute matches when any of its values does; {@code ne} is the negation of
 *       {@code eq}, so it also matches an absent attribute; {@code eq null} matches an absent one;</li>
 *   <li>a complex multi-valued attribute compared without a sub-attribute compares its {@code value}
 *       sub-attribute (RFC 7644 §3.4.2.2: "emails co" compares the value);</li>
 *   <li>{@code pr} matches a non-null, non-empty value (a complex value needs one present sub-attribute);</li>
 *   <li>{@code gt/ge/lt/le} on boolean or binary, {@code co/sw/ew} on boolean or numbers, and any operator
 *       other than eq/ne with {@code null} are 400 invalidFilter, whatever the resource holds;</li>
 *   <li>an attribute the schema does not define matches no comparison at all, {@code ne} and {@code eq null}
 *       included (so {@code not (...)} of it matches), as Keycloak's own SCIM treats unknown attributes as
 *       the empty set; so does a complex attribute without a {@code value} sub-attribute.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class JsonFilterEvaluator {

    private final ResourceSchema schema;

    public JsonFilterEvaluator(ResourceSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** True when {@code resource} (a full resource with extension objects under their URNs) matches. */
    public boolean matches(Filter filter, JsonNode resource) {
        return filter.accept(new FilterMatcher(new ResourceScope(schema, resource)));
    }

    /**
     * True when one value of a multi-valued complex attribute matches {@code filter}, whose paths are
     * relative to that value ({@code type eq "work"} on an element of {@code emails}); used for PATCH value
     * paths (RFC 7644 §3.5.2).
     */
    public boolean matchesValue(Filter filter, JsonNode element, AttributeDefinition parent) {
        return filter.accept(new FilterMatcher(new ElementScope(element, parent)));
    }
}
