package dev.kcscim.testsupport;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Fresh random secrets for demo accounts, benchmark targets and test fixtures, so none is a literal in the sources:
 * {@code bytes} bytes of {@link SecureRandom}, URL-safe Base64 without padding.
 */
public final class RandomSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {
    }

    /** A new secret of {@code bytes} random bytes ({@code 4 * bytes / 3} characters, rounded up). */
    public static String of(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
