package dev.kcscim.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSecretsTest {

    @Test
    void secretsHaveThePrefix256RandomBitsAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = TokenSecrets.generate();
            assertThat(secret).startsWith("kcscim_").hasSize(7 + 43).matches("kcscim_[A-Za-z0-9_-]{43}");
            assertThat(TokenSecrets.looksLikeToken(secret)).isTrue();
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kcscim_", "kcscim_abc", "eyJhbGciOiJSUzI1NiJ9.e30.sig",
            "KCSCIM_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "kcscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "kcscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void otherStringsAreNotTokens(String candidate) {
        assertThat(TokenSecrets.looksLikeToken(candidate)).isFalse();
    }

    @Test
    void theHashIsHexSha256AndComparedExactly() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(TokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String hash = TokenSecrets.hash("kcscim_x");
        assertThat(TokenSecrets.sameHash(hash, TokenSecrets.hash("kcscim_x"))).isTrue();
        assertThat(TokenSecrets.sameHash(hash, TokenSecrets.hash("kcscim_y"))).isFalse();
        assertThat(TokenSecrets.sameHash(hash, null)).isFalse();
    }

    @Test
    void theShownPrefixIsElevenCharacters() {
        String secret = TokenSecrets.generate();
        assertThat(TokenSecrets.shown(secret)).isEqualTo(secret.substring(0, 11)).startsWith("kcscim_");
    }

    @Test
    void scopesHaveTheirWireNames() {
        assertThat(TokenScope.of("read-only")).contains(TokenScope.READ_ONLY);
        assertThat(TokenScope.of("read-write")).contains(TokenScope.READ_WRITE);
        assertThat(TokenScope.of("READ-WRITE")).isEmpty();
        assertThat(TokenScope.READ_ONLY.canWrite()).isFalse();
        assertThat(TokenScope.READ_WRITE.canWrite()).isTrue();
    }
}
