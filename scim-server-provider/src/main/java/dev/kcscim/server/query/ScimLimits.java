package dev.kcscim.server.query;

/**
 * Server-wide limits, read once by the provider factory from the SPI options
 * {@code --spi-realm-restapi-extension--scim-provisioning--<option>} and advertised by
 * {@code /ServiceProviderConfig}, so what is advertised is what is enforced.
 *
 * @param maxPageSize          largest {@code count} honoured (RFC 7644 §3.4.2.4, RFC 9865 {@code maxPageSize});
 *                             larger values are reduced to it; also the default page size
 * @param maxScan              most candidates a query may examine in memory before {@code 400 tooMany}
 * @param bulkMaxOperations    most operations in one {@code /Bulk} request (RFC 7644 §3.7.4), else 413
 * @param bulkMaxPayloadBytes  largest {@code /Bulk} body in bytes (UTF-8), else 413
 * @param cursorTimeoutSeconds how long a cursor (RFC 9865) stays usable, else {@code 400 expiredCursor}
 */
public record ScimLimits(int maxPageSize, int maxScan, int bulkMaxOperations, int bulkMaxPayloadBytes,
                         int cursorTimeoutSeconds) {

    public static final ScimLimits DEFAULT = new ScimLimits(1000, 10_000, 1000, 1_048_576, 3600);

    private static volatile ScimLimits current = DEFAULT;

    public ScimLimits {
        if (maxPageSize < 1 || maxScan < 1 || bulkMaxOperations < 1 || bulkMaxPayloadBytes < 1 || cursorTimeoutSeconds < 1) {
            throw new IllegalArgumentException("SCIM limits must be positive: " + maxPageSize + ", " + maxScan + ", "
                    + bulkMaxOperations + ", " + bulkMaxPayloadBytes + ", " + cursorTimeoutSeconds);
        }
    }

    /** The two query limits with the other defaults. */
    public ScimLimits(int maxPageSize, int maxScan) {
        this(maxPageSize, maxScan, DEFAULT.bulkMaxOperations, DEFAULT.bulkMaxPayloadBytes, DEFAULT.cursorTimeoutSeconds);
    }

    public static ScimLimits current() {
        return current;
    }

    /** Called by the factory's {@code init}. */
    public static void configure(ScimLimits limits) {
        current = limits;
    }
}
