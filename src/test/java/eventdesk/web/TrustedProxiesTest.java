package eventdesk.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client behind a proxy is the right-most untrusted hop, IPv6 by /64. */
class TrustedProxiesTest {

    static TrustedProxies trusting(String... entries) {
        TrustedProxies p = new TrustedProxies();
        p.trust(List.of(entries));
        return p;
    }

    static String client(TrustedProxies p, String peer, String... xff) {
        return TrustedProxies.bucket(p.client(peer, List.of(xff)));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        TrustedProxies none = trusting();
        assertThat(client(none, "203.0.113.9", "1.1.1.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        TrustedProxies p = trusting("10.0.0.5");
        assertThat(client(p, "203.0.113.9", "1.1.1.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void theRightMostUntrustedHopIsTheClientNotWhatTheClientWroteOnTheLeft() {
        TrustedProxies p = trusting("10.0.0.5", "10.1.0.0/16");
        // the client wrote "6.6.6.6"; its proxy appended the real address; an inner proxy appended the outer one
        assertThat(client(p, "10.0.0.5", "6.6.6.6, 198.51.100.7, 10.1.2.3")).isEqualTo("198.51.100.7");
        assertThat(client(p, "10.0.0.5", "6.6.6.6", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(client(p, "10.0.0.5", "198.51.100.7:5123")).isEqualTo("198.51.100.7");
        assertThat(client(p, "10.0.0.5", "[2001:db8::1]:443")).isEqualTo("2001:db8::/64");
    }

    @Test
    void garbageHopsFallBackToTheLastAddressVouchedFor() {
        TrustedProxies p = trusting("10.0.0.5");
        assertThat(client(p, "10.0.0.5", "unknown")).isEqualTo("10.0.0.5");
        assertThat(client(p, "10.0.0.5", "198.51.100.7, evil.example")).isEqualTo("10.0.0.5");
        assertThat(client(p, "10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6ClientsShareABucketPerSlash64AndMappedIpv4IsIpv4() {
        TrustedProxies none = trusting();
        assertThat(client(none, "2001:db8:1:2::a")).isEqualTo(client(none, "2001:db8:1:2:ffff:1:2:3"));
        assertThat(client(none, "2001:db8:1:2::a")).isNotEqualTo(client(none, "2001:db8:1:3::a"));
        assertThat(client(none, "::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void badConfigurationFailsLoudly() {
        assertThatThrownBy(() -> trusting("10.0.0.0/99")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trusting("nonsense/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
