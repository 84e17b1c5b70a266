package dev.kcscim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.server.query.ScimLimits;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceProviderConfigDocumentTest {

    static final ScimLimits LIMITS = new ScimLimits(250, 5000, 40, 65_536, 90);

    static Stream<Arguments> advertised() {
        return Stream.of(
                Arguments.of("/patch/supported", "true"),
                Arguments.of("/bulk/supported", "true"),
                Arguments.of("/bulk/maxOperations", "40"),
                Arguments.of("/bulk/maxPayloadSize", "65536"),
                Arguments.of("/filter/supported", "true"),
                Arguments.of("/filter/maxResults", "250"),
                Arguments.of("/sort/supported", "true"),
                Arguments.of("/etag/supported", "true"),
                Arguments.of("/changePassword/supported", "true"),
                Arguments.of("/pagination/cursor", "true"),
                Arguments.of("/pagination/index", "true"),
                Arguments.of("/pagination/defaultPaginationMethod", "index"),
                Arguments.of("/pagination/defaultPageSize", "250"),
                Arguments.of("/pagination/maxPageSize", "250"),
                Arguments.of("/pagination/cursorTimeout", "90"),
                Arguments.of("/schemas/0", "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
                Arguments.of("/meta/resourceType", "ServiceProviderConfig"),
                Arguments.of("/meta/location", "https://kc/realms/r/scim-provisioning/v2/ServiceProviderConfig"),
                Arguments.of("/authenticationSchemes/0/type", "oauthbearertoken"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("advertised")
    void advertisesTheLimitsInForce(String pointer, String expected) {
        JsonNode document = ServiceProviderConfigDocument.of(LIMITS, "https://kc/realms/r/scim-provisioning/v2/ServiceProviderConfig");

        assertThat(document.at(pointer).asText()).isEqualTo(expected);
    }
}
