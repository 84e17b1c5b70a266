package dev.kcscim.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BulkReferencesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("/Users", "{'userName':'a'}", "[]"),
                Arguments.of("/Groups", "{'members':[{'value':'bulkId:u1'},{'value':'bulkId:u2'},{'value':'x'}]}", "[u1, u2]"),
                Arguments.of("/Groups/bulkId:g", "{'Operations':[{'op':'add','value':[{'value':'bulkId:u'}]}]}", "[g, u]"),
                Arguments.of("/Users", "{'manager':{'value':'bulkId:boss'}}", "[boss]"),
                Arguments.of("/Users", "{'title':'bulkId:'}", "[]"),
                Arguments.of("/Users", "{'title':'see bulkId:x'}", "[]"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("references")
    void findsReferencesInPathAndData(String path, String data, String expected) {
        assertThat(BulkReferences.in(path, json(data)).toString()).isEqualTo(expected);
    }

    @Test
    void substitutesWholeValuesAndPathSegments() {
        Map<String, String> ids = Map.of("u1", "id-1", "g", "id-g");
        JsonNode data = json("{'members':[{'value':'bulkId:u1'},{'value':'bulkId:zz'}],'displayName':'bulkId:u1x'}");

        assertThat(BulkReferences.substitute(data, ids).toString())
                .isEqualTo("{\"members\":[{\"value\":\"id-1\"},{\"value\":\"bulkId:zz\"}],\"displayName\":\"bulkId:u1x\"}");
        assertThat(data.path("members").get(0).path("value").asText()).isEqualTo("bulkId:u1");
        assertThat(BulkReferences.substitute("/Groups/bulkId:g", ids)).isEqualTo("/Groups/id-g");
        assertThat(BulkReferences.substitute("/Groups/abc", ids)).isEqualTo("/Groups/abc");
    }
}
