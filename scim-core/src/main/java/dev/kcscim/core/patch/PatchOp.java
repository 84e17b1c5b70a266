package dev.kcscim.core.patch;

import dev.kcscim.core.error.ScimException;
import java.util.Locale;

/**
 * The three PATCH operations of RFC 7644 §3.5.2. On the wire they are {@code "add"}, {@code "remove"} and
 * {@code "replace"}; {@link #fromWire(String)} accepts any case because Entra ID sends {@code "Replace"}
 * and {@code "Add"} (idp-wire-behaviour.md §3).
 */
public enum PatchOp {
    ADD("add"),
    REMOVE("remove"),
    REPLACE("replace");

    private final String wireValue;

    PatchOp(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The lower-case name RFC 7644 §3.5.2 uses, as we emit it. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * The operation named {@code text} in any case.
     *
     * @throws ScimException 400 {@code invalidSyntax} when {@code text} is null or names no operation
     *     (RFC 7644 §3.12: "the request body message structure was invalid")
     */
    public static PatchOp fromWire(String text) {
        if (text != null) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "add":
                    return ADD;
                case "remove":
                    return REMOVE;
                case "replace":
                    return REPLACE;
                default:
                    break;
            }
        }
        throw ScimException.invalidSyntax("Unknown PATCH op '" + text + "'; expected add, remove or replace");
    }
}
