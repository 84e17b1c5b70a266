package dev.kcscim.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.projection.Projection;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Building blocks shared by the user and group queries: list responses, projection checks, sorting. */
public final class Pages {

    private Pages() {
    }

    /** A ListResponse (RFC 7644 §3.4.2) of already projected resources. */
    public static ObjectNode listResponse(List<ObjectNode> resources, long total, int startIndex) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("schemas").add(ScimConstants.MESSAGE_LIST_RESPONSE);
        json.put("totalResults", total);
        json.put("startIndex", startIndex);
        json.put("itemsPerPage", resources.size());
        ArrayNode array = json.putArray("Resources");
        resources.forEach(array::add);
        return json;
    }

    /** Whether {@code projection} returns the default-returned attribute {@code name} (e.g. members, groups). */
    public static boolean includes(Projection projection, String name) {
        if (!projection.attributes().isEmpty()) {
            return projection.attributes().stream().anyMatch(a -> names(a, name));
        }
        return projection.excludedAttributes().stream().noneMatch(a -> names(a, name));
    }

    private static boolean names(String requested, String name) {
        String lower = requested.toLowerCase(Locale.ROOT);
        String target = name.toLowerCase(Locale.ROOT);
        return lower.equals(target) || lower.startsWith(target + ".") || lower.endsWith(":" + target)
                || lower.contains(":" + target + ".");
    }

    /** Throws {@code 400 tooMany} when a query would examine more than {@link ScimLimits#maxScan()} candidates. */
    public static void requireScannable(long candidates) {
        int max = ScimLimits.current().maxScan();
        if (candidates > max) {
            // RFC 7644 §3.4.2.4: the server refuses rather than silently truncating the result
            throw ScimException.tooMany("The query would examine " + candidates + " resources in memory, more than "
                    + max + "; narrow the filter (e.g. with userName, emails, externalId or active eq)");
        }
    }

    /** Orders full resources by the value at {@code sortBy} (RFC 7644 §3.4.2.3); missing values sort last. */
    public static Comparator<ObjectNode> comparator(String sortBy, boolean descending, ResourceSchema schema) {
        AttributePath path = AttributePath.parse(sortBy);
        if (schema.resolve(path).isEmpty()) {
            throw ScimException.invalidPath("sortBy '" + sortBy + "' is not an attribute of " + schema.resourceType().name());
        }
        Comparator<String> order = Comparator.nullsLast(descending
                ? String.CASE_INSENSITIVE_ORDER.reversed() : String.CASE_INSENSITIVE_ORDER);
        return Comparator.comparing(resource -> sortKey(resource, path, schema), order);
    }

    /** The value {@code resource} sorts by for {@code sortBy} (RFC 7644 §3.4.2.3), or null; 400 for an unknown attribute. */
    public static String sortKey(ObjectNode resource, String sortBy, ResourceSchema schema) {
        AttributePath path = AttributePath.parse(sortBy);
        if (schema.resolve(path).isEmpty()) {
            throw ScimException.invalidPath("sortBy '" + sortBy + "' is not an attribute of " + schema.resourceType().name());
        }
        return sortKey(resource, path, schema);
    }

    /** The order of sort keys: case-insensitive, ties broken case-sensitively, reversed when descending. */
    public static Comparator<String> keyOrder(boolean descending) {
        Comparator<String> order = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
        return descending ? order.reversed() : order;
    }

    private static String sortKey(ObjectNode resource, AttributePath path, ResourceSchema schema) {
        JsonNode container = resource;
        if (path.schemaUrn() != null && schema.isExtension(path.schemaUrn())) {
            container = ScimJson.getIgnoreCase(resource, path.schemaUrn());
        } else if (path.schemaUrn() == null) {
            for (String urn : schema.schemaUrns()) {
                JsonNode extension = ScimJson.getIgnoreCase(resource, urn);
                if (ScimJson.getIgnoreCase(container, path.name()) == null && extension != null
                        && ScimJson.getIgnoreCase(extension, path.name()) != null) {
                    container = extension;
                }
            }
        }
        JsonNode value = ScimJson.getIgnoreCase(container, path.name());
        if (value != null && value.isArray()) {
            // RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary value, else the first
            JsonNode chosen = value.size() > 0 ? value.get(0) : null;
            for (JsonNode element : value) {
                if (element.path("primary").asBoolean(false)) {
                    chosen = element;
                }
            }
            value = chosen;
        }
        if (value != null && value.isObject()) {
            value = ScimJson.getIgnoreCase(value, path.subAttribute() == null ? "value" : path.subAttribute());
        }
        return value == null || value.isNull() ? null : value.asText();
    }
}
