package dev.kcscim.core.filter;

import java.util.Objects;

/** {@code not (inner)} (RFC 7644 §3.4.2.2). */
public record Not(Filter inner) implements Filter {

    public Not {
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
