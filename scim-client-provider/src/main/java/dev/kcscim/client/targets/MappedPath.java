package dev.kcscim.client.targets;

import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.Mutability;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a mapped value goes in the pushed User (RFC 7644 §3.10 attribute paths): {@code attr}, {@code attr.sub},
 * {@code multi[type eq "work"].sub} for the core schema's multi-valued attributes, each optionally URN-qualified.
 * The core User schema and the enterprise extension ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User})
 * are checked against their definitions; any other {@code urn:} is a custom extension whose attributes are strings.
 *
 * @param urn the schema URN: the core URN for unqualified paths
 * @param typeFilter the {@code type} value selecting one element of a multi-valued attribute, or null
 */
public record MappedPath(String urn, String name, String sub, String typeFilter) {

    private static final Pattern TYPED = Pattern.compile(
            "^(?:(urn:.+):)?([A-Za-z][A-Za-z0-9_-]*)\\[type eq \"([A-Za-z0-9_-]+)\"\\]\\.([A-Za-z][A-Za-z0-9_-]*)$");
    /** Ours to set: identity and linkage ({@code userName} has its own setting, {@code externalId} is our id). */
    private static final Set<String> RESERVED = Set.of("id", "meta", "schemas", "externalid", "username", "groups");

    /** Whether this path lands in a custom extension (neither core nor enterprise). */
    public boolean custom() {
        return !urn.equalsIgnoreCase(ScimConstants.SCHEMA_USER) && !urn.equalsIgnoreCase(ScimConstants.SCHEMA_ENTERPRISE_USER);
    }

    public boolean core() {
        return urn.equalsIgnoreCase(ScimConstants.SCHEMA_USER);
    }

    /** The definition of the leaf this path names in the core or enterprise schema; empty for custom URNs. */
    public Optional<AttributeDefinition> leaf() {
        if (custom()) {
            return Optional.empty();
        }
        SchemaDefinition schema = core() ? CoreSchemas.USER : CoreSchemas.ENTERPRISE_USER;
        Optional<AttributeDefinition> top = schema.attribute(name);
        return sub == null ? top : top.flatMap(a -> a.subAttribute(sub));
    }

    /**
     * Parses and checks {@code text}; throws {@link IllegalArgumentException} with a message saying what is wrong.
     */
    public static MappedPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        Matcher typed = TYPED.matcher(text.trim());
        MappedPath path;
        if (typed.matches()) {
            String urn = typed.group(1) == null ? ScimConstants.SCHEMA_USER : typed.group(1);
            path = new MappedPath(urn, typed.group(2), typed.group(4), typed.group(3));
        } else {
            AttributePath parsed;
            try {
                parsed = AttributePath.parse(text.trim());
            } catch (ScimException e) {
                throw new IllegalArgumentException("'" + text + "' is not a SCIM attribute path (attr, attr.sub,"
                        + " attr[type eq \"x\"].sub, optionally prefixed by a schema URN)");
            }
            String urn = parsed.schemaUrn() == null ? ScimConstants.SCHEMA_USER : parsed.schemaUrn();
            path = new MappedPath(urn, parsed.name(), parsed.subAttribute(), null);
        }
        path.check(text);
        return path;
    }

    private void check(String text) {
        if (urn.equalsIgnoreCase(ScimConstants.SCHEMA_GROUP) || !urn.regionMatches(true, 0, "urn:", 0, 4)) {
            throw new IllegalArgumentException("'" + text + "': schema " + urn + " is not a User schema");
        }
        if (custom()) {
            if (typeFilter != null) {
                throw new IllegalArgumentException("'" + text + "': [type eq ...] is only for the core schema's"
                        + " multi-valued attributes");
            }
            return;
        }
        SchemaDefinition schema = core() ? CoreSchemas.USER : CoreSchemas.ENTERPRISE_USER;
        if (core() && RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + text + "': " + name + " is set by the provisioning itself");
        }
        AttributeDefinition top = schema.attribute(name).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "': " + schema.id() + " has no attribute " + name));
        if (top.multiValued() != (typeFilter != null)) {
            throw new IllegalArgumentException(top.multiValued()
                    ? "'" + text + "': " + name + " is multi-valued; write " + name + "[type eq \"work\"].value"
                    : "'" + text + "': " + name + " is single-valued; [type eq ...] does not apply");
        }
        if (typeFilter != null && top.subAttribute("type").isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': " + name + " has no type sub-attribute");
        }
        if (top.isComplex() && sub == null) {
            throw new IllegalArgumentException("'" + text + "': " + name + " is complex; name a sub-attribute");
        }
        if (!top.isComplex() && sub != null) {
            throw new IllegalArgumentException("'" + text + "': " + name + " has no sub-attributes");
        }
        AttributeDefinition leaf = sub == null ? top : top.subAttribute(sub).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "': " + name + " has no sub-attribute " + sub));
        if (leaf.mutability() == Mutability.READ_ONLY || top.mutability() == Mutability.READ_ONLY) {
            throw new IllegalArgumentException("'" + text + "': " + (sub == null ? name : name + "." + sub)
                    + " is read-only");
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!core()) {
            text.append(urn).append(':');
        }
        text.append(name);
        if (typeFilter != null) {
            text.append("[type eq \"").append(typeFilter).append("\"]");
        }
        if (sub != null) {
            text.append('.').append(sub);
        }
        return text.toString();
    }
}
