package dev.kcscim.core.filter;

import dev.kcscim.core.path.AttributePath;
import java.util.Objects;

/** {@code path pr}: the attribute has a non-empty value (RFC 7644 §3.4.2.2). */
public record Present(AttributePath path) implements Filter {

    public Present {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
