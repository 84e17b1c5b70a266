package dev.kcscim.client.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPolicyTest {

    /** A fake DNS: names map to addresses; the map can change between calls (rebinding). */
    private final Map<String, String> dns = new HashMap<>();

    private final UrlPolicy.Resolver resolver = host -> {
        if (IpLiteral.looksLikeIp(host)) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String ip = dns.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    };

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK", "::ffff:127.0.0.1, LOOPBACK",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "::ffff:192.168.1.1, PRIVATE",
            "100.64.0.1, SHARED", "100.127.255.254, SHARED", "fd00::1, UNIQUE_LOCAL", "fc00::1, UNIQUE_LOCAL",
            "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "ff02::1, MULTICAST", "255.255.255.255, MULTICAST",
            "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "100.128.0.1, PUBLIC", "192.169.0.1, PUBLIC",
            "2001:4860:4860::8888, PUBLIC", "203.0.113.9, PUBLIC"})
    void classifiesAddresses(String ip, AddressClass expected) throws UnknownHostException {
        assertThat(AddressClass.of(InetAddress.getByName(ip))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({"10.1.2.3, 10.0.0.0/8, true", "11.0.0.1, 10.0.0.0/8, false", "127.0.0.1, 127.0.0.1, true",
            "127.0.0.2, 127.0.0.1, false", "fd00::5, fd00::/8, true", "fe00::5, fd00::/8, false",
            "::ffff:10.0.0.1, 10.0.0.0/8, true", "10.0.0.1, ::1/128, false"})
    void cidrMembership(String ip, String block, boolean inside) throws UnknownHostException {
        assertThat(Cidr.parse(block).contains(InetAddress.getByName(ip))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://203.0.113.9/scim | must use https",
            "ftp://203.0.113.9/scim | must be an https URL",
            "https://127.0.0.1/scim | host 127.0.0.1 is a loopback address",
            "https://[::1]:8443/scim | host ::1 is a loopback address",
            "https://[::ffff:127.0.0.1]/scim | is a loopback address",
            "https://169.254.169.254/latest | host 169.254.169.254 is a link-local (cloud metadata) address",
            "https://10.0.0.8/scim | host 10.0.0.8 is a private (RFC 1918) address",
            "https://192.168.10.1/scim | host 192.168.10.1 is a private (RFC 1918) address",
            "https://100.64.1.1/scim | is a shared/CGNAT (RFC 6598) address",
            "https://[fd12::1]/scim | is a unique local (fc00::/7) address",
            "https://0.0.0.0/scim | is an unspecified address",
            "https://internal.example/scim | host internal.example resolves to 10.9.9.9, is a private (RFC 1918) address"})
    void refusesByDefault(String url, String message) {
        dns.put("internal.example", "10.9.9.9");
        UrlPolicy policy = new UrlPolicy(false, List.of(), resolver);

        List<String> problems = policy.problems("baseUrl", url);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("baseUrl: ").contains(message);
        if (!url.startsWith("ftp")) {
            assertThat(problems.get(0)).contains("refused by the outbound URL policy")
                    .contains("--spi-events-listener--scim-provisioning--");
        }
        assertThatThrownBy(() -> policy.checkRequest(url)).isInstanceOf(UrlPolicy.Refused.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://203.0.113.9/scim", "https://public.example/scim", "https://[2001:db8::1]/scim"})
    void acceptsPublicHttpsUrls(String url) throws UrlPolicy.Refused {
        dns.put("public.example", "198.51.100.4");
        UrlPolicy policy = new UrlPolicy(false, List.of(), resolver);

        assertThat(policy.problems("baseUrl", url)).isEmpty();
        policy.checkRequest(url);
    }

    @Test
    void allowListAcceptsNamesAndBlocks() throws UrlPolicy.Refused {
        dns.put("scim.corp.internal", "10.20.0.5");
        dns.put("other.corp.internal", "10.30.0.5");
        UrlPolicy policy = new UrlPolicy(true, List.of(" SCIM.corp.internal", "127.0.0.1", "192.168.0.0/16", "[::1]"), resolver);

        assertThat(policy.allowedHosts()).containsExactly("scim.corp.internal", "127.0.0.1", "192.168.0.0/16", "::1");
        for (String url : List.of("https://scim.corp.internal/scim", "http://127.0.0.1:8080/scim", "https://192.168.4.4/x",
                "http://[::1]:9/scim")) {
            assertThat(policy.problems("baseUrl", url)).as(url).isEmpty();
            policy.checkRequest(url);
        }
        assertThat(policy.problems("baseUrl", "https://other.corp.internal/scim")).hasSize(1);
        assertThat(policy.problems("baseUrl", "https://127.0.0.2/scim")).hasSize(1);
    }

    @Test
    void aNameThatLaterResolvesToAPrivateAddressIsRefusedAtRequestTime() throws UrlPolicy.Refused {
        UrlPolicy policy = new UrlPolicy(false, List.of(), resolver);
        dns.put("rebind.example", "198.51.100.7");
        assertThat(policy.problems("baseUrl", "https://rebind.example/scim")).isEmpty();
        policy.checkRequest("https://rebind.example/scim");

        dns.put("rebind.example", "127.0.0.1");

        assertThatThrownBy(() -> policy.checkRequest("https://rebind.example/scim"))
                .isInstanceOf(UrlPolicy.Refused.class)
                .hasMessageContaining("host rebind.example resolves to 127.0.0.1, is a loopback address")
                .satisfies(e -> assertThat(((UrlPolicy.Refused) e).transientFailure()).isFalse());
    }

    @Test
    void anUnresolvableNameIsAcceptedOnSaveAndATransientRefusalAtRequestTime() {
        UrlPolicy policy = new UrlPolicy(false, List.of(), resolver);

        assertThat(policy.problems("baseUrl", "https://not-yet.example/scim")).isEmpty();
        assertThatThrownBy(() -> policy.checkRequest("https://not-yet.example/scim"))
                .isInstanceOf(UrlPolicy.Refused.class)
                .satisfies(e -> assertThat(((UrlPolicy.Refused) e).transientFailure()).isTrue());
    }

    @Test
    void aBadCidrInTheAllowListIsAStartupError() {
        assertThatThrownBy(() -> new UrlPolicy(false, List.of("10.0.0.0/33"), resolver))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-hosts: '10.0.0.0/33'");
    }
}
