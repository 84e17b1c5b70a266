package dev.kcscim.server.query;

/**
 * Server-wide query limits, read once by the provider factory from the SPI options
 * {@code --spi-realm-restapi-extension--scim-provisioning--max-page-size} and {@code ...--max-scan}.
 *
 * @param maxPageSize largest {@code count} honoured (RFC 7644 §3.4.2.4); larger values are reduced to it
 * @param maxScan     most candidates a query may examine in memory before {@code 400 tooMany}
 */
public record ScimLimits(int maxPageSize, int maxScan) {

    public static final ScimLimits DEFAULT = new ScimLimits(1000, 10_000);

    private static volatile ScimLimits current = DEFAULT;

    public ScimLimits {
        if (maxPageSize < 1 || maxScan < 1) {
            throw new IllegalArgumentException("SCIM limits must be positive: " + maxPageSize + ", " + maxScan);
        }
    }

    public static ScimLimits current() {
        return current;
    }

    /** Called by the factory's {@code init}. */
    public static void configure(ScimLimits limits) {
        current = limits;
    }
}
