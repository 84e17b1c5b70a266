package dev.kcscim.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.message.SortOrder;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void readsQueryParametersWithRfcDefaults() {
        ListQuery query = ListQuery.of(null, null, null, "0", "-3", null, null);

        assertThat(query.filter()).isNull();
        assertThat(query.startIndex()).isEqualTo(1);
        assertThat(query.count()).isZero();
        assertThat(ListQuery.of(null, null, null, null, null, null, null).count()).isEqualTo(1000);
        assertThat(ListQuery.of(null, null, null, null, "5000", null, null).count()).isEqualTo(1000);
    }

    @Test
    void readsASearchBody() throws Exception {
        ListQuery query = ListQuery.of(ScimJson.mapper().readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName eq \\\"a\\\"\",\"sortBy\":\"userName\","
                + "\"sortOrder\":\"Descending\",\"startIndex\":3,\"count\":2,\"attributes\":[\"userName\"]}"));

        assertThat(query.filter()).isNotNull();
        assertThat(query.sortOrder()).isEqualTo(SortOrder.DESCENDING);
        assertThat(query.startIndex()).isEqualTo(3);
        assertThat(query.count()).isEqualTo(2);
        assertThat(query.projection().attributes()).containsExactly("userName");
    }

    @Test
    void rejectsBadNumbersAndFilters() {
        assertThatThrownBy(() -> ListQuery.of(null, null, null, "x", null, null, null))
                .isInstanceOf(ScimException.class).extracting("status").isEqualTo(400);
        assertThatThrownBy(() -> ListQuery.of("userName eq", null, null, null, null, null, null))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType().wireValue()).isEqualTo("invalidFilter"));
    }

    @Test
    void searchBodiesMustNameTheSearchRequestSchema() throws Exception {
        for (String body : new String[] {"{}", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
                "{\"schemas\":\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"}"}) {
            assertThatThrownBy(() -> ListQuery.of(ScimJson.mapper().readTree(body)))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType().wireValue()).isEqualTo("invalidSyntax");
                    });
        }
    }

    @Test
    void readsTheCursorAndRefusesItWithStartIndex() throws Exception {
        assertThat(ListQuery.of(null, null, null, null, "10", null, null, "").cursorPaging()).isTrue();
        assertThat(ListQuery.of(null, null, null, null, "10", null, null, null).cursorPaging()).isFalse();
        ListQuery body = ListQuery.of(ScimJson.mapper().readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"cursor\":\"abc\",\"count\":5}"));
        assertThat(body.cursor()).isEqualTo("abc");
        assertThat(body.count()).isEqualTo(5);
        assertThatThrownBy(() -> ListQuery.of(null, null, null, "1", "10", null, null, ""))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType().wireValue()).isEqualTo("invalidValue"));
    }
}
