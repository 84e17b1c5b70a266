package dev.kcscim.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcscim.core.error.ScimException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CursorCodecTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String Q = CursorCodec.fingerprint("User", null, null, false);

    static CursorCodec at(Instant now) {
        return new CursorCodec(Clock.fixed(now, ZoneOffset.UTC), 600);
    }

    static Stream<Cursor> positions() {
        return Stream.of(Cursor.after("alice", "id-1"), Cursor.before("bob", "id-2"), Cursor.after(null, "id-3"),
                Cursor.after("ünïcödé \" . /", "x"));
    }

    @ParameterizedTest
    @MethodSource("positions")
    void roundTrips(Cursor cursor) {
        String text = at(T0).encode(cursor, Q);

        assertThat(text).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(at(T0.plusSeconds(600)).decode(text, Q)).isEqualTo(cursor);
    }

    static Stream<Arguments> invalid() {
        String good = at(T0).encode(Cursor.after("alice", "id-1"), Q);
        String payload = good.substring(0, good.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload)).replace("alice", "zed").getBytes());
        return Stream.of(
                Arguments.of("garbage", "not-a-cursor"),
                Arguments.of("empty parts", "."),
                Arguments.of("bad base64", "%%%.%%%"),
                Arguments.of("truncated", good.substring(0, good.length() - 3)),
                Arguments.of("payload altered", forged + good.substring(good.indexOf('.'))),
                Arguments.of("checksum of another payload", payload + "." + good.substring(good.indexOf('.') + 1).replace('A', 'B') + "x"),
                Arguments.of("other query", at(T0).encode(Cursor.after("a", "b"), CursorCodec.fingerprint("Group", null, null, false))),
                Arguments.of("other filter", at(T0).encode(Cursor.after("a", "b"), CursorCodec.fingerprint("User", "active eq true", null, false))),
                Arguments.of("other sort order", at(T0).encode(Cursor.after("a", "b"), CursorCodec.fingerprint("User", null, null, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWithInvalidCursor(String why, String text) {
        assertThatThrownBy(() -> at(T0).decode(text, Q)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType().wireValue()).isEqualTo("invalidCursor");
        });
    }

    @Test
    void rejectsAnExpiredCursorWithExpiredCursor() {
        String text = at(T0).encode(Cursor.after("alice", "id-1"), Q);

        assertThatThrownBy(() -> at(T0.plusSeconds(601)).decode(text, Q)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType().wireValue()).isEqualTo("expiredCursor");
        });
    }
}
