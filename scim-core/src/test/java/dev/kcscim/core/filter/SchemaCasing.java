package dev.kcscim.core.filter;

import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.ResolvedAttribute;
import dev.kcscim.core.schema.ResourceSchema;

/**
 * Rewrites a filter's attribute names (and URNs) to the spelling of the schema. Test helper for the
 * differential test: UnboundID looks attributes up case-sensitively, which RFC 7643 §2.1 does not allow.
 */
final class SchemaCasing implements FilterVisitor<Filter> {

    private final ResourceSchema schema;
    private final AttributeDefinition parent;

    SchemaCasing(ResourceSchema schema, AttributeDefinition parent) {
        this.schema = schema;
        this.parent = parent;
    }

    @Override
    public Filter visit(Compare filter) {
        return new Compare(cased(filter.path()), filter.op(), filter.value());
    }

    @Override
    public Filter visit(Present filter) {
        return new Present(cased(filter.path()));
    }

    @Override
    public Filter visit(And filter) {
        return new And(filter.left().accept(this), filter.right().accept(this));
    }

    @Override
    public Filter visit(Or filter) {
        return new Or(filter.left().accept(this), filter.right().accept(this));
    }

    @Override
    public Filter visit(Not filter) {
        return new Not(filter.inner().accept(this));
    }

    @Override
    public Filter visit(ValuePathFilter filter) {
        AttributeDefinition attribute = schema.resolve(filter.path()).orElse(null);
        return new ValuePathFilter(cased(filter.path()), filter.inner().accept(new SchemaCasing(schema, attribute)));
    }

    private AttributePath cased(AttributePath path) {
        if (parent != null) {
            return parent.subAttribute(path.name())
                    .map(sub -> new AttributePath(path.schemaUrn(), sub.name(), path.subAttribute()))
                    .orElse(path);
        }
        ResolvedAttribute resolved = schema.locate(path).orElse(null);
        if (resolved == null) {
            return path;
        }
        String urn = path.schemaUrn() == null ? null : resolved.schema().id();
        String sub = resolved.subAttribute() == null ? null : resolved.subAttribute().name();
        return new AttributePath(urn, resolved.attribute().name(), sub);
    }
}
