package dev.kcscim.core.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code attributes} / {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5, §3.9) applied to a
 * resource according to each attribute's {@code returned} characteristic (RFC 7643 §7):
 * <ul>
 *   <li>{@code never} (e.g. {@code password}) is never returned; {@code always} (e.g. {@code id}, and
 *       {@code schemas}) is always returned, whatever the parameters say;</li>
 *   <li>{@code default} is returned unless excluded, or unless {@code attributes} is given and does not
 *       name it (naming {@code name.givenName} returns {@code name} with just that sub-attribute);</li>
 *   <li>{@code request} is returned only when {@code attributes} names it.</li>
 * </ul>
 * Names may be URN-qualified; a bare schema URN selects or excludes the whole extension. Names the schema
 * does not define are ignored. When both parameters are given, {@code attributes} wins (RFC 7644 §3.4.2.5
 * defines no combination). Members the schema does not define are kept unless {@code attributes} is given.
 * Immutable; {@link #apply} returns a new object and leaves its input untouched.
 */
public final class Projection {

    /** No parameters: the default set of RFC 7643 §7 ({@code never} and {@code request} left out). */
    public static final Projection DEFAULT = new Projection(List.of(), List.of());

    private final List<String> attributes;
    private final List<String> excluded;

    private Projection(List<String> attributes, List<String> excluded) {
        this.attributes = List.copyOf(attributes);
        this.excluded = List.copyOf(excluded);
    }

    /** From the raw query parameters (comma-separated, either may be null or blank). */
    public static Projection parse(String attributes, String excludedAttributes) {
        return of(split(attributes), split(excludedAttributes));
    }

    /** From lists of attribute names, as in a SearchRequest body (RFC 7644 §3.4.3). */
    public static Projection of(List<String> attributes, List<String> excludedAttributes) {
        List<String> requested = attributes == null ? List.of() : attributes;
        List<String> excludedNames = excludedAttributes == null ? List.of() : excludedAttributes;
        return new Projection(requested, requested.isEmpty() ? excludedNames : List.of());
    }

    public List<String> attributes() {
        return attributes;
    }

    public List<String> excludedAttributes() {
        return excluded;
    }

    /** The resource as it may be returned: a new object, {@code resource} is not modified. */
    public ObjectNode apply(JsonNode resource, ResourceSchema schema) {
        return new ProjectionRun(schema, Selection.of(attributes, schema), Selection.of(excluded, schema))
                .apply((ObjectNode) resource);
    }

    private static List<String> split(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Arrays.stream(parameter.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }

    @Override
    public String toString() {
        return "Projection{attributes=" + attributes + ", excludedAttributes=" + excluded + "}";
    }
}
