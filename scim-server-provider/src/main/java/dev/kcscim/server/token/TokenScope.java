package dev.kcscim.server.token;

import java.util.Arrays;
import java.util.Optional;

/** What a provisioning token may do on the SCIM API: read only, or read and write. */
public enum TokenScope {
    READ_ONLY("read-only"),
    READ_WRITE("read-write");

    private final String wire;

    TokenScope(String wire) {
        this.wire = wire;
    }

    /** The JSON and database form, {@code read-only} or {@code read-write}. */
    public String wire() {
        return wire;
    }

    public boolean canWrite() {
        return this == READ_WRITE;
    }

    public static Optional<TokenScope> of(String wire) {
        return Arrays.stream(values()).filter(scope -> scope.wire.equals(wire)).findFirst();
    }
}
