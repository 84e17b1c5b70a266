package dev.kcscim.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each factory yields the status and scimType of RFC 7644 §3.12. */
class ScimExceptionTest {

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of((Function<String, ScimException>) ScimException::invalidFilter, 400, "invalidFilter"),
                Arguments.of((Function<String, ScimException>) ScimException::tooMany, 400, "tooMany"),
                Arguments.of((Function<String, ScimException>) ScimException::mutability, 400, "mutability"),
                Arguments.of((Function<String, ScimException>) ScimException::invalidSyntax, 400, "invalidSyntax"),
                Arguments.of((Function<String, ScimException>) ScimException::invalidPath, 400, "invalidPath"),
                Arguments.of((Function<String, ScimException>) ScimException::noTarget, 400, "noTarget"),
                Arguments.of((Function<String, ScimException>) ScimException::invalidValue, 400, "invalidValue"),
                Arguments.of((Function<String, ScimException>) ScimException::invalidVers, 400, "invalidVers"),
                Arguments.of((Function<String, ScimException>) ScimException::sensitive, 400, "sensitive"),
                Arguments.of((Function<String, ScimException>) ScimException::uniqueness, 409, "uniqueness"),
                Arguments.of((Function<String, ScimException>) ScimException::notFound, 404, null),
                Arguments.of((Function<String, ScimException>) ScimException::conflict, 409, null),
                Arguments.of((Function<String, ScimException>) ScimException::preconditionFailed, 412, null),
                Arguments.of((Function<String, ScimException>) ScimException::unauthorized, 401, null),
                Arguments.of((Function<String, ScimException>) ScimException::forbidden, 403, null),
                Arguments.of((Function<String, ScimException>) ScimException::methodNotAllowed, 405, null),
                Arguments.of((Function<String, ScimException>) ScimException::payloadTooLarge, 413, null),
                Arguments.of((Function<String, ScimException>) ScimException::unsupportedMediaType, 415, null),
                Arguments.of((Function<String, ScimException>) ScimException::notImplemented, 501, null),
                Arguments.of((Function<String, ScimException>) ScimException::internal, 500, null));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("factories")
    void factoryCarriesStatusTypeAndDetail(Function<String, ScimException> factory, int status, String scimType) {
        ScimException error = factory.apply("the detail");
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.scimType() == null ? null : error.scimType().wireValue()).isEqualTo(scimType);
        assertThat(error.detail()).isEqualTo("the detail");
        assertThat(error.getMessage()).isEqualTo("the detail");
        assertThat(error.getStackTrace()).isEmpty();
        if (scimType != null) {
            assertThat(ScimType.fromWire(scimType.toUpperCase())).isEqualTo(error.scimType());
        }
    }
}
