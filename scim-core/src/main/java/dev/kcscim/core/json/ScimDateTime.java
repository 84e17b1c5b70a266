package dev.kcscim.core.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parsing of SCIM dateTime values (RFC 7643 §2.3.5: xsd:dateTime, e.g. {@code 2008-01-23T04:56:22Z}).
 * A value without a zone designator is read as UTC, so that comparisons stay total.
 */
public final class ScimDateTime {

    private ScimDateTime() {
    }

    /** The instant {@code text} denotes; throws {@link DateTimeParseException} when it is not a dateTime. */
    public static Instant parse(String text) {
        if (text == null) {
            throw new DateTimeParseException("null dateTime", "", 0);
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        }
    }

    /** The instant {@code text} denotes, or null when it is not a dateTime. */
    public static Instant tryParse(String text) {
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
