package dev.kcscim.core.filter;

import dev.kcscim.core.path.AttributePath;
import java.util.Objects;

/**
 * {@code path[inner]} (RFC 7644 §3.4.2.2 {@code valuePath}): some value of the multi-valued complex
 * attribute at {@code path} matches {@code inner}, whose paths are relative to that value
 * ({@code type}, not {@code emails.type}).
 */
public record ValuePathFilter(AttributePath path, Filter inner) implements Filter {

    public ValuePathFilter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
