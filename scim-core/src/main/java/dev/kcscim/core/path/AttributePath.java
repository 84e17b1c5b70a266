package dev.kcscim.core.path;

import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An attribute path {@code [URN ":"] attrName ["." subAttr]} (RFC 7644 §3.10, §3.4.2.2 {@code attrPath}).
 * {@code schemaUrn} and {@code subAttribute} are null when absent; names keep the spelling they were given
 * and are compared case-insensitively by {@link #equalsIgnoreCase(AttributePath)} (RFC 7643 §2.1).
 */
public record AttributePath(String schemaUrn, String name, String subAttribute) {

    /** URNs recognised without relying on the last-colon rule; their own dots ("2.0") are not separators. */
    private static final List<String> KNOWN_URNS = List.of(
            ScimConstants.SCHEMA_ENTERPRISE_USER,
            ScimConstants.SCHEMA_USER,
            ScimConstants.SCHEMA_GROUP,
            ScimConstants.SCHEMA_SERVICE_PROVIDER_CONFIG,
            ScimConstants.SCHEMA_RESOURCE_TYPE,
            ScimConstants.SCHEMA_SCHEMA);

    public AttributePath {
        Objects.requireNonNull(name, "name");
    }

    /** The path of a top-level attribute, or of {@code attr.sub} when the name contains one dot. */
    public static AttributePath of(String name) {
        return parse(name);
    }

    /**
     * Parses {@code text}. A URN prefix is recognised by matching the known schema URNs case-insensitively
     * (the canonical spelling is kept); for any other {@code urn:} prefix the attribute name is what follows
     * the last ':' (RFC 7644 §3.10). Throws {@code 400 invalidPath} on malformed input.
     */
    public static AttributePath parse(String text) {
        return parse(text, List.of());
    }

    /** As {@link #parse(String)}, also recognising {@code extraUrns} (e.g. runtime extension schemas). */
    public static AttributePath parse(String text, Collection<String> extraUrns) {
        if (text == null || text.isEmpty()) {
            throw ScimException.invalidPath("Empty attribute path");
        }
        String urn = null;
        String rest = text;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            urn = knownPrefix(text, KNOWN_URNS);
            if (urn == null) {
                urn = knownPrefix(text, extraUrns);
            }
            if (urn != null) {
                rest = text.substring(urn.length() + 1);
            } else {
                if (isKnownUrn(text, extraUrns)) {
                    throw ScimException.invalidPath("'" + text + "' names a schema, not an attribute");
                }
                int colon = text.lastIndexOf(':');
                urn = text.substring(0, colon);
                rest = text.substring(colon + 1);
            }
        }
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (!isAttributeName(name) || (sub != null && !isAttributeName(sub))) {
            throw ScimException.invalidPath("Invalid attribute path '" + text + "'");
        }
        return new AttributePath(urn, name, sub);
    }

    /**
     * RFC 7643 §2.1 ATTRNAME = ALPHA *("-" / "_" / DIGIT / ALPHA); a leading '$' is accepted for
     * {@code $ref}.
     */
    public static boolean isAttributeName(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (!isAlpha(first) && first != '$') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** This path with the sub-attribute dropped. */
    public AttributePath withoutSubAttribute() {
        return subAttribute == null ? this : new AttributePath(schemaUrn, name, null);
    }

    /** This path with {@code sub} as its sub-attribute. */
    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schemaUrn, name, sub);
    }

    /** Equality of all three parts, ignoring case (RFC 7643 §2.1; URNs are case-insensitive per RFC 8141). */
    public boolean equalsIgnoreCase(AttributePath other) {
        return other != null
                && eqIgnoreCase(schemaUrn, other.schemaUrn)
                && name.equalsIgnoreCase(other.name)
                && eqIgnoreCase(subAttribute, other.subAttribute);
    }

    /** The canonical text: {@code urn:name.sub} with absent parts left out. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (schemaUrn != null) {
            text.append(schemaUrn).append(':');
        }
        text.append(name);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }

    private static String knownPrefix(String text, Collection<String> urns) {
        for (String urn : urns) {
            if (text.length() > urn.length() + 1 && text.charAt(urn.length()) == ':'
                    && text.regionMatches(true, 0, urn, 0, urn.length())) {
                return urn;
            }
        }
        return null;
    }

    private static boolean isKnownUrn(String text, Collection<String> extraUrns) {
        return KNOWN_URNS.stream().anyMatch(text::equalsIgnoreCase) || extraUrns.stream().anyMatch(text::equalsIgnoreCase);
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean eqIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }
}
