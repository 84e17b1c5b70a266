package dev.kcscim.core.filter;

import java.util.Objects;

/** {@code left or right} (RFC 7644 §3.4.2.2 logical operators). */
public record Or(Filter left, Filter right) implements Filter {

    public Or {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
