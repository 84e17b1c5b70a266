package dev.kcscim.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * Turns {@link Cursor}s into the opaque {@code cursor} strings of RFC 9865 and back. A cursor is
 * base64url JSON (version, direction, sort key, id, issue time, query fingerprint) plus a checksum, so a
 * cursor that was altered, truncated, or issued for another query (other resource type, filter or sort)
 * is {@code 400 invalidCursor}, and one older than the timeout is {@code 400 expiredCursor}. The checksum
 * detects damage, it is not a secret: a forged cursor can only move the starting point of a query the
 * caller may run anyway. Nothing is kept on the server, so any cluster node reads any node's cursors.
 */
public final class CursorCodec {

    private static final int VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Clock clock;
    private final long timeoutSeconds;

    public CursorCodec(Clock clock, long timeoutSeconds) {
        this.clock = clock;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** A codec on the system clock with the configured {@link ScimLimits#cursorTimeoutSeconds()}. */
    public static CursorCodec current() {
        return new CursorCodec(Clock.systemUTC(), ScimLimits.current().cursorTimeoutSeconds());
    }

    /** The opaque cursor for {@code cursor} within the query with {@code fingerprint}. */
    public String encode(Cursor cursor, String fingerprint) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("v", VERSION)
                .put("b", cursor.backward())
                .put("k", cursor.key())
                .put("i", cursor.id())
                .put("t", clock.instant().getEpochSecond())
                .put("q", fingerprint);
        byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(checksum(payload));
    }

    /** The position named by {@code text}, checked against the query with {@code fingerprint}. */
    public Cursor decode(String text, String fingerprint) {
        String[] parts = text.split("\\.", -1);
        JsonNode json;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("shape");
            }
            byte[] payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(checksum(payload), DECODER.decode(parts[1]))) {
                throw new IllegalArgumentException("checksum");
            }
            json = ScimJson.mapper().readTree(payload);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ScimException.invalidCursor("The cursor '" + abbreviate(text) + "' was not issued by this server or was altered");
        }
        if (json == null || json.path("v").asInt() != VERSION || !json.path("i").isTextual() || !json.path("t").canConvertToLong()) {
            throw ScimException.invalidCursor("The cursor '" + abbreviate(text) + "' is not a cursor of this server");
        }
        if (!fingerprint.equals(json.path("q").asText())) {
            throw ScimException.invalidCursor("The cursor belongs to another query (resource type, filter or sort differ)");
        }
        long age = clock.instant().getEpochSecond() - json.path("t").asLong();
        if (age > timeoutSeconds) {
            throw ScimException.expiredCursor("The cursor expired: it is " + age + " s old and cursors last "
                    + timeoutSeconds + " s (cursorTimeout)");
        }
        JsonNode key = json.get("k");
        return new Cursor(json.path("b").asBoolean(), key == null || key.isNull() ? null : key.asText(), json.path("i").asText());
    }

    /** What a cursor is bound to: the resource type, the printed filter and the sort. */
    public static String fingerprint(String resourceType, String filter, String sortBy, boolean descending) {
        String basis = resourceType + "\n" + (filter == null ? "" : filter) + "\n"
                + (sortBy == null ? "" : sortBy.toLowerCase(java.util.Locale.ROOT)) + "\n" + descending;
        return ENCODER.encodeToString(Arrays.copyOf(sha256(basis.getBytes(StandardCharsets.UTF_8)), 9));
    }

    private static byte[] checksum(byte[] payload) {
        return Arrays.copyOf(sha256(payload), 12);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
