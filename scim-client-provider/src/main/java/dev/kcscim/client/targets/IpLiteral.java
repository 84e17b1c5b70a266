package dev.kcscim.client.targets;

/** Tells IP literals from host names without any DNS lookup. */
final class IpLiteral {

    private IpLiteral() {
    }

    /** True for a dotted IPv4 literal or anything with a colon (IPv6, brackets removed). */
    static boolean looksLikeIp(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
