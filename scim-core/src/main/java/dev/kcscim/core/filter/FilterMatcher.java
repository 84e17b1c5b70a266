package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The evaluation visitor behind {@link JsonFilterEvaluator}; semantics are documented there. */
final class FilterMatcher implements FilterVisitor<Boolean> {

    private final Scope scope;

    FilterMatcher(Scope scope) {
        this.scope = scope;
    }

    @Override
    public Boolean visit(Compare filter) {
        Scope.Located located = scope.lookup(filter.path());
        if (located == null) {
            return false;
        }
        AttributeDefinition attribute = located.attribute();
        List<JsonNode> values = located.values();
        if (attribute.isComplex()) {
            AttributeDefinition value = attribute.subAttribute("value").orElse(null);
            if (value == null) {
                return false;
            }
            List<JsonNode> subValues = new ArrayList<>(values.size());
            for (JsonNode element : values) {
                Scope.addValues(ScimJson.getIgnoreCase(element, value.name()), subValues);
            }
            attribute = value;
            values = subValues;
        }
        ValueComparator.validate(attribute, filter.op(), filter.value());
        if (filter.value().isNull()) {
            boolean absent = values.isEmpty();
            return filter.op() == CompareOp.EQ ? absent : !absent;
        }
        CompareOp op = filter.op() == CompareOp.NE ? CompareOp.EQ : filter.op();
        boolean any = false;
        for (JsonNode actual : values) {
            if (ValueComparator.matches(attribute, op, actual, filter.value())) {
                any = true;
                break;
            }
        }
        return filter.op() == CompareOp.NE ? !any : any;
    }

    @Override
    public Boolean visit(Present filter) {
        Scope.Located located = scope.lookup(filter.path());
        if (located == null) {
            return false;
        }
        for (JsonNode value : located.values()) {
            if (isPresent(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Boolean visit(And filter) {
        return filter.left().accept(this) && filter.right().accept(this);
    }

    @Override
    public Boolean visit(Or filter) {
        return filter.left().accept(this) || filter.right().accept(this);
    }

    @Override
    public Boolean visit(Not filter) {
        return !filter.inner().accept(this);
    }

    @Override
    public Boolean visit(ValuePathFilter filter) {
        Scope.Located located = scope.lookup(filter.path());
        if (located == null) {
            return false;
        }
        for (JsonNode element : located.values()) {
            if (filter.inner().accept(new FilterMatcher(new ElementScope(element, located.attribute())))) {
                return true;
            }
        }
        return false;
    }

    /** RFC 7644 §3.4.2.2 "pr": a non-empty value, or a complex value with a non-empty sub-attribute. */
    static boolean isPresent(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                if (isPresent(it.next())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
