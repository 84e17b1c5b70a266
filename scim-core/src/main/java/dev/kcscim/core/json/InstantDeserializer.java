package dev.kcscim.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an xsd:dateTime string (RFC 7643 §2.3.5) into an {@link Instant}; see {@link ScimDateTime}. */
final class InstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        try {
            return ScimDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an xsd:dateTime");
        }
    }
}
