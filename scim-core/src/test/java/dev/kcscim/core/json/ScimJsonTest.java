package dev.kcscim.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Case-insensitive lookup (RFC 7643 §2.1) and dateTime handling (RFC 7643 §2.3.5). */
class ScimJsonTest {

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("userName", "userName", "a"),
                Arguments.of("USERNAME", "userName", "a"),
                Arguments.of("emails", "Emails", "[]"),
                Arguments.of("nosuch", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void findsMembersIgnoringCase(String name, String stored, String value) throws JsonProcessingException {
        JsonNode object = ScimJson.mapper().readTree("{\"userName\":\"a\",\"Emails\":[]}");
        assertThat(ScimJson.actualFieldName(object, name)).isEqualTo(stored);
        JsonNode found = ScimJson.getIgnoreCase(object, name);
        assertThat(found == null ? null : found.isTextual() ? found.textValue() : found.toString()).isEqualTo(value);
    }

    static Stream<Arguments> dateTimes() {
        return Stream.of(
                Arguments.of("2008-01-23T04:56:22Z", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-23T05:56:22+01:00", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-23T04:56:22.5Z", "2008-01-23T04:56:22.500Z"),
                Arguments.of("2008-01-23T04:56:22", "2008-01-23T04:56:22Z"),
                Arguments.of("yesterday", null),
                Arguments.of("2008-01-23", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateTimes")
    void parsesXsdDateTimes(String text, String expected) {
        assertThat(ScimDateTime.tryParse(text)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @Test
    void writesInstantsAsIsoTextAndOmitsNulls() throws JsonProcessingException {
        record Sample(Instant at, String absent) {
        }
        assertThat(ScimJson.mapper().writeValueAsString(new Sample(Instant.parse("2011-05-13T04:42:34Z"), null)))
                .isEqualTo("{\"at\":\"2011-05-13T04:42:34Z\"}");
        assertThat(ScimJson.mapper().readValue("{\"at\":\"2011-05-13T06:42:34+02:00\"}", Sample.class).at())
                .isEqualTo(Instant.parse("2011-05-13T04:42:34Z"));
    }
}
