package eventdesk.security;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: request targets, header values and bodies
 * that no well-behaved client library would send. Every answer must come within {@link #DEADLINE_MS};
 * a request that gets none is reported as status -1 (a hang). The deadline tells a hang from an
 * answer on a busy 2-core build machine; speed is measured by the benchmarks, not here.
 */
final class RawHttp {

    static final int DEADLINE_MS = 20_000;

    record Answer(int status, Map<String, List<String>> headers, String body, long millis) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        boolean hung() {
            return status < 0;
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms";
        }
    }

    private RawHttp() {
    }

    static Answer get(String target, String... headers) {
        return send("GET", target, List.of(headers), null, false);
    }

    /** {@code headers} as "Name: value"; a null body sends none; {@code chunked} sends it in 8 KB chunks. */
    static Answer send(String method, String target, List<String> headers, byte[] body, boolean chunked) {
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(DEADLINE_MS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(RestAssured.port).append("\r\n");
            head.append("Connection: close\r\n");
            for (String h : headers) head.append(h).append("\r\n");
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("\r\n");
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null && !chunked) out.write(body);
                if (body != null && chunked) {
                    for (int i = 0; i < body.length; i += 8192) {
                        int n = Math.min(8192, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException serverStoppedReading) {
                // the server may answer (413) and close before the whole body is sent; read what it said
            }
            return read(socket.getInputStream(), start);
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), "", ms(start));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e, e);
        }
    }

    private static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
                if (ms(start) > DEADLINE_MS) break;
            }
        } catch (SocketTimeoutException e) {
            if (all.size() == 0) return new Answer(-1, Map.of(), "", ms(start));
        } catch (IOException reset) {
            if (all.size() == 0) throw reset;
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            if (text.isEmpty()) return new Answer(0, Map.of(), "", ms(start)); // closed without an answer
            throw new IllegalStateException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.get(0).equalsIgnoreCase("chunked")) body = dechunk(body);
        return new Answer(status, headers, body, ms(start));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        while (i < bytes.length) {
            int eol = indexOf(bytes, i);
            if (eol < 0) break;
            String sizeLine = new String(bytes, i, eol - i, StandardCharsets.US_ASCII).strip();
            int semi = sizeLine.indexOf(';');
            String hex = semi < 0 ? sizeLine : sizeLine.substring(0, semi);
            // The body was decoded as text and encoded again: invalid UTF-8 in it shifts the chunk
            // boundaries, so a line that is no chunk size ends the (best-effort) body.
            if (!hex.matches("[0-9a-fA-F]{1,8}")) break;
            int size = Integer.parseInt(hex, 16);
            if (size == 0) break;
            int from = eol + 2;
            int to = Math.min(bytes.length, from + size);
            out.append(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            i = to + 2;
        }
        return out.toString();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
