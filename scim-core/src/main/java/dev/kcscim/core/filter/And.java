package dev.kcscim.core.filter;

import java.util.Objects;

/** {@code left and right} (RFC 7644 §3.4.2.2 logical operators). */
public record And(Filter left, Filter right) implements Filter {

    public And {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
