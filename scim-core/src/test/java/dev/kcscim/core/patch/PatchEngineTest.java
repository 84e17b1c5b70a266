package dev.kcscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * given(resource).patch(body).expect(resource | error) for every file under {@code src/test/resources/patch/}:
 * the RFC 7644 §3.5.2 rules ({@code rfc-*}, {@code mutability}, {@code invalid}) and what Okta and Entra ID
 * send ({@code okta}, {@code entra}). Every case also checks atomicity: the given resource is never modified.
 */
class PatchEngineTest {

    static List<PatchFixtures.Fixture> fixtures() {
        return PatchFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void appliesThePatchExactlyOrFailsAsTheRfcSays(PatchFixtures.Fixture fixture) {
        JsonNode json = fixture.json();
        ObjectNode given = (ObjectNode) json.get("given");
        ObjectNode untouched = given.deepCopy();

        if (json.has("error")) {
            assertThatThrownBy(() -> PatchEngine.apply(given, PatchRequest.parse(json.get("patch")), fixture.schema()))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).as("status, detail: %s", e.detail())
                                .isEqualTo(json.get("error").get("status").asInt());
                        assertThat(e.scimType().wireValue()).as("scimType, detail: %s", e.detail())
                                .isEqualTo(json.get("error").get("scimType").asText());
                    });
        } else {
            ObjectNode result = PatchEngine.apply(given, PatchRequest.parse(json.get("patch")), fixture.schema());
            assertThat(result.toPrettyString()).isEqualTo(json.get("expect").toPrettyString());
        }
        assertThat(given).as("the input resource is not modified").isEqualTo(untouched);
    }
}
