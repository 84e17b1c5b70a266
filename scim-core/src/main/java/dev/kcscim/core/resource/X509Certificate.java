package dev.kcscim.core.resource;

/** An entry of a User's {@code x509Certificates} (RFC 7643 §4.1.2); {@code value} is base64 DER. */
public record X509Certificate(String value, String display, String type, Boolean primary) {

    public static X509Certificate of(String value, String type) {
        return new X509Certificate(value, null, type, null);
    }
}
