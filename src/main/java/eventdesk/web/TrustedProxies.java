package eventdesk.web;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who the client is, for rate limits and login back-off. {@code X-Forwarded-For} is read only when
 * the connection comes from an address in {@code quarkus.http.proxy.trusted-proxies} (IPs, CIDR
 * ranges or host names); then the client is the right-most hop that is not itself a trusted proxy,
 * because everything left of the last proxy's entry was written by the client. With no trusted
 * proxies configured the header is never read. IPv6 clients are grouped by their /64 network, the
 * block a single subscriber usually gets.
 */
@ApplicationScoped
public class TrustedProxies {

    static final String CONFIG_KEY = "quarkus.http.proxy.trusted-proxies";

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int full = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private volatile List<Range> trusted = List.of();

    @PostConstruct
    void load() {
        List<String> entries = ConfigProvider.getConfig().getOptionalValues(CONFIG_KEY, String.class).orElse(List.of());
        trusted = parse(entries);
    }

    static List<Range> parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            int slash = entry.indexOf('/');
            if (slash > 0) {
                byte[] net = literal(entry.substring(0, slash));
                if (net == null) throw new IllegalArgumentException(CONFIG_KEY + ": not an IP range: " + entry);
                int prefix = Integer.parseInt(entry.substring(slash + 1));
                if (prefix < 0 || prefix > net.length * 8) throw new IllegalArgumentException(CONFIG_KEY + ": bad prefix: " + entry);
                ranges.add(new Range(net, prefix));
                continue;
            }
            byte[] ip = literal(stripPort(entry));
            if (ip != null) {
                ranges.add(new Range(ip, ip.length * 8));
                continue;
            }
            try { // a host name (e.g. the load balancer's service name), resolved once at start
                for (InetAddress a : InetAddress.getAllByName(stripPort(entry))) {
                    byte[] b = canonical(a.getAddress());
                    ranges.add(new Range(b, b.length * 8));
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(CONFIG_KEY + ": unknown host " + entry, e);
            }
        }
        return List.copyOf(ranges);
    }

    /** For tests: replaces the trusted list. */
    void trust(List<String> entries) {
        trusted = parse(entries);
    }

    /** The client's address as text (IPv6 not grouped), e.g. for logs. */
    public String clientAddress(HttpServerRequest request) {
        byte[] client = client(request);
        if (client == null) return "unknown";
        return NetUtil.bytesToIpAddress(client);
    }

    /** The rate-limit bucket of the request's client: an IPv4 address or an IPv6 /64 network. */
    public String clientBucket(HttpServerRequest request) {
        return bucket(client(request));
    }

    static String bucket(byte[] address) {
        if (address == null) return "unknown";
        if (address.length == 4) return NetUtil.bytesToIpAddress(address);
        byte[] net = new byte[16];
        System.arraycopy(address, 0, net, 0, 8);
        return NetUtil.bytesToIpAddress(net) + "/64";
    }

    byte[] client(HttpServerRequest request) {
        // connection() is the socket: Quarkus's own forwarding may have rewritten request.remoteAddress()
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        return client(peer == null ? null : peer.hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    /** The client behind {@code peer} given the X-Forwarded-For header lines it sent (in order). */
    byte[] client(String peer, List<String> forwardedFor) {
        byte[] hop = literal(peer);
        if (hop == null || !isTrusted(hop)) return hop;
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) for (String h : header.split(",")) hops.add(h.strip());
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] next = literal(stripPort(hops.get(i)));
            if (next == null) return hop; // garbage ("unknown", a name): the last address we can vouch for
            hop = next;
            if (!isTrusted(hop)) return hop;
        }
        return hop;
    }

    boolean isTrusted(byte[] address) {
        for (Range r : trusted) if (r.contains(address)) return true;
        return false;
    }

    /** The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 as IPv4), or null; never a DNS lookup. */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) return null;
        String v = s;
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
        int zone = v.indexOf('%');
        if (zone >= 0) v = v.substring(0, zone);
        byte[] b = NetUtil.createByteArrayFromIpAddressString(v.toLowerCase(Locale.ROOT));
        return b == null ? null : canonical(b);
    }

    private static byte[] canonical(byte[] b) {
        if (b.length == 16) {
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) mapped = b[i] == 0;
            if (mapped) return new byte[]{b[12], b[13], b[14], b[15]};
        }
        return b;
    }

    /** "1.2.3.4:80" → "1.2.3.4", "[::1]:443" → "::1"; bare IPv6 stays as it is. */
    static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) return hop.substring(0, colon);
        return hop;
    }
}
