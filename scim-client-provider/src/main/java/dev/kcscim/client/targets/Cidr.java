package dev.kcscim.client.targets;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation (RFC 4632 §3.1), e.g. {@code 10.20.0.0/16} or {@code fd00::/8}. */
public record Cidr(byte[] network, int prefix) {

    /** The block written as {@code address/prefix} (a bare IP literal is a /32 or /128), or null if it is not one. */
    public static Cidr parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        String ip = slash < 0 ? value : value.substring(0, slash);
        if (!IpLiteral.looksLikeIp(ip)) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                return null;
            }
            return new Cidr(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = AddressClass.embeddedIpv4(address).getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
