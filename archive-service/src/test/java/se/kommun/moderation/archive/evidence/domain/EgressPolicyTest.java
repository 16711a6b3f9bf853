package se.kommun.moderation.archive.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address rules and host matching of the evidence browser's egress filter, without a network. */
class EgressPolicyTest {

    /** A resolver that knows a few made-up names, like DNS would answer them. */
    static final HostResolver DNS = host -> {
        Map<String, List<String>> zone = Map.of(
                "www.facebook.com", List.of("157.240.205.35", "2a03:2880:f1ff:83:face:b00c:0:25de"),
                "rebind.facebook.com", List.of("157.240.205.35", "169.254.169.254"),
                "intranet.facebook.com", List.of("10.1.2.3"),
                "v6private.facebook.com", List.of("fd12:3456::1"),
                "localhost", List.of("127.0.0.1", "::1"),
                "staging.kommun.example", List.of("192.168.10.20"));
        List<String> answer = zone.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return answer.stream().map(a -> IpLiterals.parse(a).orElseThrow()).toList();
    };

    static EgressPolicy facebook(String... entries) {
        return new EgressPolicy("facebook", List.of(entries).stream().map(AllowedHost::parse).toList(), DNS);
    }

    static String refusal(EgressDecision decision) {
        assertThat(decision).isInstanceOf(EgressDecision.Refused.class);
        return ((EgressDecision.Refused) decision).refusal().reason();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1         | loopback",
            "127.255.0.9       | loopback",
            "0.0.0.0           | unspecified",
            "10.20.30.40       | private",
            "172.16.0.1        | private",
            "172.31.255.255    | private",
            "192.168.1.1       | private",
            "169.254.169.254   | link-local",
            "100.64.0.1        | shared address space, CGNAT",
            "100.127.255.254   | shared address space, CGNAT",
            "224.0.0.251       | multicast",
            "239.255.255.250   | multicast",
            "255.255.255.255   | broadcast",
            "240.0.0.1         | reserved",
            "198.18.0.1        | benchmarking",
            "198.19.255.255    | benchmarking",
            "192.0.2.10        | documentation",
            "192.0.0.8         | IETF protocol assignments",
            "::1               | loopback",
            "::                | unspecified",
            "fe80::1           | link-local",
            "febf::1           | link-local",
            "fc00::1           | unique local, private",
            "fd00:ec2::254     | unique local, private",
            "ff02::1           | multicast",
            "2001:db8::1       | documentation",
            "::127.0.0.1       | loopback, IPv4-compatible",
            "::a9fe:a9fe       | link-local, IPv4-compatible",
            "::8.8.8.8         | IPv4-compatible, deprecated",
            "64:ff9b::10.0.0.1 | private, NAT64",
            "2002:7f00:1::     | loopback, 6to4",
            "2001:0:4136::1    | Teredo tunnel",
            "4000::1           | reserved"})
    void nonPublicAddressesAreNamed(String address, String kind) {
        assertThat(NonPublicAddresses.kind(IpLiterals.parse(address).orElseThrow())).hasValue(kind);
    }

    @Test
    void ipv4MappedAddressesAreJudgedByTheIpv4AddressTheyCarry() throws UnknownHostException {
        // The JDK turns ::ffff:a.b.c.d into an Inet4Address; the raw 16 bytes must say the same.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        assertThat(NonPublicAddresses.kind(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .hasValue("link-local, IPv4-mapped");
        assertThat(NonPublicAddresses.kind(IpLiterals.parse("::ffff:127.0.0.1").orElseThrow())).hasValue("loopback");
        assertThat(NonPublicAddresses.kind(IpLiterals.parse("::ffff:10.0.0.1").orElseThrow())).hasValue("private");
        assertThat(NonPublicAddresses.kind(IpLiterals.parse("::ffff:8.8.8.8").orElseThrow())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "157.240.205.35", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.0", "169.253.255.255", "198.17.255.255", "198.20.0.0", "223.255.255.255", "11.0.0.1",
            "2a03:2880:f1ff:83:face:b00c:0:25de", "2001:4860:4860::8888", "64:ff9b::8.8.8.8", "2002:808:808::"})
    void publicAddressesPass(String address) {
        InetAddress a = IpLiterals.parse(address).orElseThrow();
        assertThat(NonPublicAddresses.kind(a)).isEmpty();
        assertThat(NonPublicAddresses.isPublic(a)).isTrue();
    }

    @Test
    void ipLiteralsAreReadWithoutDnsAndNumericNamesAreNotLiterals() {
        assertThat(IpLiterals.parse("[::1]")).hasValueSatisfying(a -> assertThat(a.isLoopbackAddress()).isTrue());
        assertThat(IpLiterals.parse("256.1.1.1")).isEmpty();
        assertThat(IpLiterals.parse("2130706433")).isEmpty();
        assertThat(IpLiterals.parse("0x7f.0.0.1")).isEmpty();
        assertThat(IpLiterals.parse("not:an:address")).isEmpty();
        assertThat(IpLiterals.parse("www.facebook.com")).isEmpty();
    }

    @Test
    void aLoopbackOrPrivateLiteralIsRefusedForWhatItIs() {
        EgressPolicy policy = facebook("facebook.com");
        assertThat(refusal(policy.admit("127.0.0.1", 80))).isEqualTo("host 127.0.0.1 is not a public address (loopback)");
        assertThat(refusal(policy.admit("169.254.169.254", 80)))
                .isEqualTo("host 169.254.169.254 is not a public address (link-local)");
        assertThat(refusal(policy.admit("[::1]", 443))).contains("is not a public address (loopback)");
        assertThat(refusal(policy.admit("[::ffff:192.168.0.1]", 443))).contains("not a public address (private)");
        assertThat(refusal(policy.admit("[fe80::1]", 443))).contains("(link-local)");
        assertThat(refusal(policy.admit("100.100.100.200", 80))).contains("(shared address space, CGNAT)");
    }

    @Test
    void aHostNotOnTheListIsRefusedWithoutAskingDns() {
        HostResolver mustNotBeAsked = host -> {
            throw new AssertionError("looked up " + host);
        };
        EgressPolicy policy = new EgressPolicy("facebook", List.of(AllowedHost.parse("facebook.com")), mustNotBeAsked);
        assertThat(refusal(policy.admit("evil.example", 443))).isEqualTo("host evil.example is not allowed for facebook");
        assertThat(refusal(policy.admit("facebook.com.evil.example", 443))).contains("is not allowed for facebook");
        assertThat(refusal(policy.admit("notfacebook.com", 443))).contains("is not allowed for facebook");
        assertThat(refusal(policy.admit("evil.example", 8443))).isEqualTo("host evil.example:8443 is not allowed for facebook");
        assertThat(refusal(policy.admit("8.8.8.8", 443))).isEqualTo("host 8.8.8.8 is not allowed for facebook");
        assertThat(refusal(policy.admit("2130706433", 80))).contains("is not allowed for facebook");
    }

    @Test
    void anAllowedNameAndItsSubdomainsPassWhenTheyResolveToPublicAddresses() {
        EgressPolicy policy = facebook("facebook.com");
        assertThat(policy.admit("WWW.Facebook.COM.", 443)).isInstanceOfSatisfying(EgressDecision.Admitted.class, a -> {
            assertThat(a.host()).isEqualTo("www.facebook.com");
            assertThat(a.addresses()).extracting(InetAddress::getHostAddress)
                    .containsExactly("157.240.205.35", "2a03:2880:f1ff:83:face:b00c:0:25de");
        });
        assertThat(refusal(policy.admit("facebook.com", 443))).isEqualTo("host facebook.com could not be resolved");
    }

    @Test
    void anAllowedNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() {
        EgressPolicy policy = facebook("facebook.com", "localhost");
        assertThat(refusal(policy.admit("rebind.facebook.com", 443)))
                .isEqualTo("host rebind.facebook.com resolves to 169.254.169.254, which is not a public address (link-local)");
        assertThat(refusal(policy.admit("intranet.facebook.com", 443))).contains("resolves to 10.1.2.3").contains("(private)");
        assertThat(refusal(policy.admit("v6private.facebook.com", 443))).contains("(unique local, private)");
        assertThat(refusal(policy.admit("localhost", 43123)))
                .isEqualTo("host localhost resolves to 127.0.0.1, which is not a public address (loopback)");
    }

    @Test
    void anExplicitHostAndPortIsTheOnlyWayToANonPublicAddress() {
        EgressPolicy policy = facebook("127.0.0.1:43123", "staging.kommun.example:8443", "[::1]:9000");
        assertThat(policy.admit("127.0.0.1", 43123)).isInstanceOfSatisfying(EgressDecision.Admitted.class,
                a -> assertThat(a.addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1"));
        assertThat(refusal(policy.admit("127.0.0.1", 43124))).contains("not a public address (loopback)");
        assertThat(policy.admit("staging.kommun.example", 8443)).isInstanceOf(EgressDecision.Admitted.class);
        assertThat(refusal(policy.admit("staging.kommun.example", 443))).contains("is not allowed for facebook");
        assertThat(refusal(policy.admit("www.staging.kommun.example", 8443))).contains("is not allowed");
        assertThat(policy.admit("[0:0:0:0:0:0:0:1]", 9000)).isInstanceOf(EgressDecision.Admitted.class);
    }

    @Test
    void nothingGoesOutUnderTheEmptyPolicy() {
        EgressPolicy nothing = EgressPolicy.nothing("this browser between captures");
        assertThat(refusal(nothing.admit("www.facebook.com", 443)))
                .isEqualTo("host www.facebook.com is not allowed for this browser between captures");
    }

    @Test
    void allowListEntriesAreReadStrictly() {
        assertThat(AllowedHost.parse(" WWW.Orebro.SE ")).isEqualTo(new AllowedHost("www.orebro.se", 0));
        assertThat(AllowedHost.parse("127.0.0.1:43123")).isEqualTo(new AllowedHost("127.0.0.1", 43123));
        assertThat(AllowedHost.parse("[::1]:8080").toString()).isEqualTo("[0:0:0:0:0:0:0:1]:8080");
        assertThat(AllowedHost.parse("www.håbo.se").host()).isEqualTo("www.xn--hbo-ula.se");
        for (String bad : List.of("", "https://facebook.com", "facebook.com/path", "host:0", "host:70000", "host:x",
                "*.facebook.com", "a b")) {
            assertThatThrownBy(() -> AllowedHost.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void urlsAreReadAsTheBrowserWouldGoThere() {
        assertThat(WebAddress.parse("https://www.facebook.com/x/posts/1?comment_id=2"))
                .hasValue(new WebAddress("https", "www.facebook.com", 443));
        assertThat(WebAddress.parse("HTTP://127.0.0.1:43123/comment/c-1")).hasValue(new WebAddress("http", "127.0.0.1", 43123));
        assertThat(WebAddress.parse("http://facebook.com@169.254.169.254/latest/meta-data/"))
                .hasValue(new WebAddress("http", "169.254.169.254", 80));
        assertThat(WebAddress.parse("http://[::1]:8080/")).hasValue(new WebAddress("http", "0:0:0:0:0:0:0:1", 8080));
        assertThat(WebAddress.parse("https://www.håbo.se/nyheter")).hasValue(new WebAddress("https", "www.xn--hbo-ula.se", 443));
        assertThat(WebAddress.parse("file:///etc/passwd")).isEmpty();
        assertThat(WebAddress.parse("javascript:alert(1)")).isEmpty();
        assertThat(WebAddress.parse("http://evil.example\\@facebook.com/")).isEmpty();
        assertThat(WebAddress.parse("http://%66acebook.com/")).isEmpty();
        assertThat(WebAddress.parse("http:///nohost")).isEmpty();
    }

    @Test
    void theCommentKeyChoosesThePlatformsHostsAndAWebAccountsOwn() {
        EgressHosts hosts = new EgressHosts(Map.of("youtube", List.of("127.0.0.1:9999")),
                Map.of("orebro-webb", List.of("www.orebro.se")), DNS);

        EgressPolicy facebook = hosts.policyFor("facebook:page-1:c-1");
        assertThat(facebook.scope()).isEqualTo("facebook");
        assertThat(facebook.allowed()).extracting(AllowedHost::host)
                .containsExactly("facebook.com", "fbcdn.net", "facebook.net", "fbsbx.com");
        assertThat(facebook.admit("www.facebook.com", 443)).isInstanceOf(EgressDecision.Admitted.class);
        assertThat(refusal(hosts.policyFor("instagram:ig-1:c-1").admit("www.facebook.com", 443)))
                .isEqualTo("host www.facebook.com is not allowed for instagram");
        assertThat(hosts.policyFor("x:acc:c").allowed()).extracting(AllowedHost::host)
                .containsExactly("x.com", "twitter.com", "twimg.com");
        assertThat(hosts.policyFor("linkedin:acc:c").allowed()).extracting(AllowedHost::host)
                .containsExactly("linkedin.com", "licdn.com");
        assertThat(hosts.policyFor("youtube:acc:c").allowed()).containsExactly(new AllowedHost("127.0.0.1", 9999));

        EgressPolicy web = hosts.policyFor("web:orebro-webb:c-9");
        assertThat(web.scope()).isEqualTo("web account orebro-webb");
        assertThat(web.allowed()).containsExactly(new AllowedHost("www.orebro.se", 0));
        assertThat(refusal(hosts.policyFor("blog:other-blog:c-1").admit("www.orebro.se", 443)))
                .isEqualTo("host www.orebro.se is not allowed for blog account other-blog");
        assertThat(hosts.policyFor("not a key").allowed()).isEmpty();
        assertThatThrownBy(() -> new EgressHosts(Map.of("myspace", List.of("myspace.com")), Map.of(), DNS))
                .hasMessageContaining("unknown platform 'myspace'");
        assertThatThrownBy(() -> new EgressHosts(Map.of(), Map.of("site", List.of("https://www.orebro.se")), DNS))
                .hasMessageContaining("https://www.orebro.se");
    }

    @Test
    void theCaveatCountsBlockedRequestsAndNamesAFewHosts() {
        EgressLog log = new EgressLog();
        assertThat(log.blockedCaveat()).isEmpty();
        log.refused(new EgressRefusal("tracker.example", 443, "host tracker.example is not allowed for facebook"));
        assertThat(log.blockedCaveat()).hasValue("1 request of the page to hosts that are not allowed was blocked"
                + " (tracker.example); the screenshot may lack what they would have shown");
        log.refused(new EgressRefusal("127.0.0.1", 40001, "host 127.0.0.1 is not a public address (loopback)"));
        log.refused(new EgressRefusal("tracker.example", 443, "again"));
        log.refused(new EgressRefusal("a.example", 443, "x"));
        log.refused(new EgressRefusal("b.example", 443, "x"));
        log.unreachable("www.facebook.com", 443, "ERR_CONNECTION_REFUSED");
        assertThat(log.refusals()).isEqualTo(5);
        assertThat(log.blockedCaveat()).hasValueSatisfying(c -> assertThat(c)
                .startsWith("5 requests of the page to hosts that are not allowed were blocked"
                        + " (tracker.example, 127.0.0.1:40001, a.example and 1 more)"));
        assertThat(log.latest()).hasValueSatisfying(e -> assertThat(e.refused()).isFalse());
        assertThat(log.latestFor("tracker.example", 443)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("again"));
        String longHost = "a".repeat(60) + "." + "b".repeat(60) + ".example";
        assertThat(HostNames.shown(longHost)).hasSize(81).endsWith("…");
    }
}
