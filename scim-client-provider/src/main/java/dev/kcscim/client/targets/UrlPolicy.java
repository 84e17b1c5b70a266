package dev.kcscim.client.targets;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outbound URL policy (SSRF protection) for target base URLs and OAuth token URLs. A URL is allowed when
 * <ul>
 * <li>its scheme is {@code https}, or {@code http} with the operator option {@code allow-http=true};</li>
 * <li>its host is an allow-listed name (the operator then trusts that name and what it resolves to), or every
 * address it resolves to is {@link AddressClass#PUBLIC} or inside an allow-listed CIDR block.</li>
 * </ul>
 * The check runs when a target is saved ({@link #problems}) and again before every request ({@link #checkRequest}),
 * after DNS resolution, so a name that later resolves to a private address (DNS rebinding) is refused at delivery.
 * Redirects are never followed (the HTTP requests disable them), so no hop can escape the check.
 * Options: {@code --spi-events-listener--scim-provisioning--allow-http} and {@code --allowed-hosts}.
 */
public final class UrlPolicy {

    public static final String OPTION_PREFIX = "--spi-events-listener--scim-provisioning--";
    public static final String ALLOW_HTTP = "allow-http";
    public static final String ALLOWED_HOSTS = "allowed-hosts";

    /** Name resolution, replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL refused by the policy; the message names the rule and the option that would allow it. */
    public static final class Refused extends Exception {
        private final boolean transientFailure;

        Refused(String message) {
            this(message, false);
        }

        Refused(String message, boolean transientFailure) {
            super(message, null, false, false);
            this.transientFailure = transientFailure;
        }

        /** True when the host did not resolve (worth retrying); false for a policy refusal (never retryable). */
        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private static volatile UrlPolicy current = new UrlPolicy(false, List.of(), InetAddress::getAllByName);

    private final boolean allowHttp;
    private final Set<String> hosts = new TreeSet<>();
    private final List<Cidr> cidrs = new ArrayList<>();
    private final List<String> entries;
    private final Resolver resolver;

    /** {@code allowed} entries are host names (case-insensitive) or IP/CIDR blocks; bad CIDRs are rejected. */
    public UrlPolicy(boolean allowHttp, List<String> allowed, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.resolver = resolver;
        List<String> kept = new ArrayList<>();
        for (String raw : allowed) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.startsWith("[") && entry.endsWith("]")) {
                entry = entry.substring(1, entry.length() - 1);
            }
            if (IpLiteral.looksLikeIp(entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry)) {
                Cidr cidr = Cidr.parse(entry);
                if (cidr == null) {
                    throw new IllegalArgumentException(ALLOWED_HOSTS + ": '" + raw.trim() + "' is not an IP address or CIDR block");
                }
                cidrs.add(cidr);
            } else {
                hosts.add(entry);
            }
            kept.add(entry);
        }
        this.entries = List.copyOf(kept);
    }

    /** The policy of this node (set from the SPI options at startup; strict until then). */
    public static UrlPolicy current() {
        return current;
    }

    public static void install(UrlPolicy policy) {
        current = policy;
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    /** The allow-list as configured (lower case). */
    public List<String> allowedHosts() {
        return entries;
    }

    /**
     * Save-time problems of {@code url} as {@code field: message} (empty when allowed). A name that does not
     * resolve now is accepted: it is checked again, after resolution, before every request.
     */
    public List<String> problems(String field, String url) {
        try {
            check(url, true);
            return List.of();
        } catch (Refused e) {
            return List.of(field + ": " + e.getMessage());
        }
    }

    /**
     * The request-time check: the scheme and every address the host resolves to now. An unresolvable host is
     * a {@link Refused#transientFailure() transient} refusal (the request could not be made anyway).
     */
    public void checkRequest(String url) throws Refused {
        check(url, false);
    }

    private void check(String url, boolean lenientDns) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowHttp) {
            throw new Refused("must use https (plain http is refused by the outbound URL policy; an operator can allow it with "
                    + OPTION_PREFIX + ALLOW_HTTP + "=true)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an https URL");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new Refused("has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (hosts.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            if (lenientDns) {
                return;
            }
            throw new Refused("host " + host + " does not resolve", true);
        }
        for (InetAddress address : addresses) {
            AddressClass kind = AddressClass.of(address);
            if (kind != AddressClass.PUBLIC && cidrs.stream().noneMatch(c -> c.contains(address))) {
                String resolved = IpLiteral.looksLikeIp(host) ? "" : " resolves to " + address.getHostAddress() + ",";
                throw new Refused("host " + host + resolved + " is " + kind.description()
                        + " address, refused by the outbound URL policy (an operator can allow it with "
                        + OPTION_PREFIX + ALLOWED_HOSTS + "=" + host + ")");
            }
        }
    }
}
