package dev.kcscim.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Protocol messages of RFC 7644 as they go on the wire. */
class MessageJsonTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(ScimException.invalidFilter("Expected ')' at position 17"), """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter",
                         "detail":"Expected ')' at position 17"}"""),
                Arguments.of(ScimException.uniqueness("userName taken"), """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness",
                         "detail":"userName taken"}"""),
                Arguments.of(ScimException.notFound("Resource 1 not found"), """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"Resource 1 not found"}"""),
                Arguments.of(ScimException.unauthorized("no token"), """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"401","detail":"no token"}"""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void errorResponseHasStringStatus(ScimException error, String expected) throws JsonProcessingException {
        assertThat(tree(ErrorResponse.of(error))).isEqualTo(json(expected));
    }

    @Test
    void readsNumericStatusFromOtherServers() throws JsonProcessingException {
        ErrorResponse error = ScimJson.mapper().treeToValue(json("{\"status\":404,\"detail\":\"x\"}"), ErrorResponse.class);
        assertThat(error.status()).isEqualTo("404");
        assertThat(error.statusCode()).isEqualTo(404);
    }

    @Test
    void listResponse() throws JsonProcessingException {
        ListResponse<JsonNode> page = ListResponse.of(List.of(json("{\"id\":\"a\"}")), 3, 2);
        assertThat(ScimJson.mapper().writeValueAsString(page)).isEqualTo(text("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":3,"startIndex":2,
                 "itemsPerPage":1,"Resources":[{"id":"a"}]}"""));
        assertThat(ScimJson.mapper().writeValueAsString(ListResponse.of(List.of(), 0, 1))).isEqualTo(text("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,
                 "itemsPerPage":0,"Resources":[]}"""));
    }

    @Test
    void searchRequest() throws JsonProcessingException {
        JsonNode body = json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"attributes":["displayName","userName"],
                 "excludedAttributes":[],"filter":"displayName sw \\"smith\\"","sortBy":"userName","sortOrder":"descending",
                 "startIndex":1,"count":10}""");
        SearchRequest request = ScimJson.mapper().treeToValue(body, SearchRequest.class);
        assertThat(request.sortOrder()).isEqualTo(SortOrder.DESCENDING);
        assertThat(request.filter()).isEqualTo("displayName sw \"smith\"");
        assertThat(tree(request)).isEqualTo(body);
    }

    @Test
    void bulkRequestAndResponse() throws JsonProcessingException {
        JsonNode request = json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1,
                 "Operations":[{"method":"POST","bulkId":"qwerty","path":"/Users","data":{"userName":"Alice"}},
                               {"method":"DELETE","path":"/Users/b7c14771","version":"W/\\"0ee8add0a938e1a\\""}]}""");
        BulkRequest bulk = ScimJson.mapper().treeToValue(request, BulkRequest.class);
        assertThat(bulk.operations()).hasSize(2);
        assertThat(tree(bulk)).isEqualTo(request);
        BulkResponse response = BulkResponse.of(List.of(
                BulkOperation.result("POST", "qwerty", "https://h/v2/Users/92b725cd", 201, null),
                BulkOperation.result("DELETE", null, null, 404, ScimJson.mapper().valueToTree(
                        ErrorResponse.of(ScimException.notFound("gone"))))));
        assertThat(tree(response)).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                 "Operations":[{"method":"POST","bulkId":"qwerty","location":"https://h/v2/Users/92b725cd","status":"201"},
                               {"method":"DELETE","status":"404","response":{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],
                                "status":"404","detail":"gone"}}]}"""));
    }

    /** The compact text of {@code json}, to compare numbers without regard to their Java width. */
    private static String text(String json) throws JsonProcessingException {
        return json(json).toString();
    }

    private static JsonNode tree(Object value) {
        return ScimJson.mapper().valueToTree(value);
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return ScimJson.mapper().readTree(text);
    }
}
