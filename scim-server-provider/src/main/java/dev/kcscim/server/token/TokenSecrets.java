package dev.kcscim.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Provisioning token secrets: {@value #PREFIX} followed by 256 random bits in base64url (43 characters), so a
 * leaked token is recognisable in logs and by secret scanners. Only the SHA-256 of the whole string is stored;
 * a fast hash is enough because the secret has 256 bits of entropy (no dictionary to attack).
 */
public final class TokenSecrets {

    /** What every provisioning token starts with; anything else is not looked up at all. */
    public static final String PREFIX = "kcscim_";
    /** Characters of the secret kept in clear for recognition (prefix plus 4 random characters). */
    static final int SHOWN_CHARS = PREFIX.length() + 4;
    private static final int RANDOM_BYTES = 32;
    private static final int SECRET_CHARS = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A fresh secret. */
    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code token} has the shape of a provisioning token (prefix, length, base64url alphabet). */
    public static boolean looksLikeToken(String token) {
        if (token == null || token.length() != SECRET_CHARS || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** The hex SHA-256 of {@code secret}, the only form that is stored. */
    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The clear part shown in listings, e.g. {@code kcscim_Ab3x}. */
    static String shown(String secret) {
        return secret.substring(0, SHOWN_CHARS);
    }
}
