package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.path.AttributePath;
import java.util.Objects;

/**
 * {@code path op value}. The value is a TextNode, a numeric node (integers as Int/Long/BigInteger nodes,
 * anything with a fraction or exponent as a DecimalNode), a BooleanNode or NullNode; other numeric node
 * kinds are normalised so that equal filters have equal trees.
 */
public record Compare(AttributePath path, CompareOp op, JsonNode value) implements Filter {

    public Compare {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(op, "op");
        value = FilterValues.normalize(value);
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
