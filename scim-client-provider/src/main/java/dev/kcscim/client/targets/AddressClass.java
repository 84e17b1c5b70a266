package dev.kcscim.client.targets;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The class of an IP address as far as the outbound URL policy is concerned. Everything but {@link #PUBLIC} is
 * refused by default: loopback (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3), link-local incl. the cloud metadata address
 * 169.254.169.254 (RFC 3927, RFC 4291 §2.5.6), private (RFC 1918), shared/CGNAT 100.64.0.0/10 (RFC 6598), unique
 * local fc00::/7 (RFC 4193), unspecified (0.0.0.0/8, ::) and multicast. IPv4-mapped and IPv4-compatible IPv6
 * addresses ({@code ::ffff:127.0.0.1}) are classified as the IPv4 address they carry.
 */
public enum AddressClass {
    PUBLIC("a public"),
    LOOPBACK("a loopback"),
    LINK_LOCAL("a link-local (cloud metadata)"),
    PRIVATE("a private (RFC 1918)"),
    SHARED("a shared/CGNAT (RFC 6598)"),
    UNIQUE_LOCAL("a unique local (fc00::/7)"),
    UNSPECIFIED("an unspecified"),
    MULTICAST("a multicast");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** E.g. "a loopback", to be followed by "address". */
    public String description() {
        return description;
    }

    public static AddressClass of(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a.isAnyLocalAddress()) {
            return UNSPECIFIED;
        }
        if (a.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (a.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (a.isMulticastAddress()) {
            return MULTICAST;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return UNSPECIFIED;
            }
            if (first == 127) {
                return LOOPBACK;
            }
            if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
                return PRIVATE;
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return SHARED;
            }
            if (first == 255) {
                return MULTICAST; // limited broadcast is never a SCIM service
            }
            return PUBLIC;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return UNIQUE_LOCAL; // deprecated site-local fec0::/10
        }
        return PUBLIC;
    }

    /** The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or IPv4-compatible ({@code ::a.b.c.d}) one. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeros = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
