package dev.kcscim.core.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource's version (RFC 7644 §3.14, RFC 7643 §3.1 {@code meta.version}): a weak entity tag
 * {@code W/"<hash>"} derived from the resource's SCIM representation, so it changes whenever any
 * SCIM-visible attribute changes, whoever changed it, and needs no counter of its own.
 *
 * <p>The hash is SHA-256 over a canonical form: object members sorted by lower-cased name (attribute names
 * are case-insensitive, RFC 7643 §2.1), array elements sorted by their canonical text (multi-valued attributes
 * are unordered), and {@code meta.version} / {@code meta.lastModified} left out (the first is the result, the
 * second changes without a visible change). The first 128 bits are sent, base64url without padding.
 */
public final class ResourceVersion {

    private static final Comparator<String> TEXT = Comparator.naturalOrder();

    private ResourceVersion() {
    }

    /** The weak entity tag of {@code resource}, e.g. {@code W/"3q2-7wX..."}. */
    public static String of(JsonNode resource) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(canonical(resource).getBytes(StandardCharsets.UTF_8));
            byte[] head = java.util.Arrays.copyOf(digest, 16);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(head) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The canonical text the version is computed from (exposed for tests). Written in one pass into one buffer:
     * no copy of the resource and no serialiser per value (a create computes it for every response).
     */
    public static String canonical(JsonNode resource) {
        StringBuilder out = new StringBuilder(1024);
        write(resource, out, true);
        return out.toString();
    }

    /**
     * Whether an {@code If-Match} / {@code If-None-Match} header value names {@code version} (RFC 7232 §3.1,
     * §3.2): {@code *} matches any existing resource; otherwise one of the comma-separated tags must equal it
     * by weak comparison (the {@code W/} prefix is ignored on both sides).
     */
    public static boolean matches(String header, String version) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String trimmed = header.trim();
        if (trimmed.equals("*")) {
            return true;
        }
        String wanted = opaque(version);
        for (String tag : trimmed.split(",")) {
            if (opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String value = tag.trim();
        if (value.regionMatches(true, 0, "W/", 0, 2)) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void write(JsonNode node, StringBuilder out, boolean top) {
        if (node.isObject()) {
            writeObject(node, out, top, false);
        } else if (node.isArray()) {
            List<String> elements = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                StringBuilder text = new StringBuilder();
                write(element, text, false);
                elements.add(text.toString());
            }
            elements.sort(TEXT);
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(elements.get(i));
            }
            out.append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            out.append(node.longValue());
        } else {
            out.append(node);
        }
    }

    /**
     * Members sorted by lower-cased name (the last of names equal but for case wins), null members left out;
     * the top-level {@code meta} object without {@code version} and {@code lastModified}.
     */
    private static void writeObject(JsonNode node, StringBuilder out, boolean top, boolean meta) {
        Map<String, Map.Entry<String, JsonNode>> sorted = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (field.getValue().isNull() || meta && (name.equals("version") || name.equals("lastModified"))) {
                continue;
            }
            sorted.put(name.toLowerCase(Locale.ROOT), field);
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Map.Entry<String, JsonNode>> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(member.getKey(), out);
            out.append(':');
            JsonNode value = member.getValue().getValue();
            if (top && value.isObject() && member.getValue().getKey().equals("meta")) {
                writeObject(value, out, false, true);
            } else {
                write(value, out, false);
            }
        }
        out.append('}');
    }

    /** A JSON string literal with Jackson's default escaping (what {@code TextNode.toString()} writes). */
    private static void quote(String text, StringBuilder out) {
        JsonStrings.appendQuoted(out, text, true);
    }
}
