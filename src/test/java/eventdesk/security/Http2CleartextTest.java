package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over HTTP/2 cleartext with prior knowledge (what a gRPC-style or h2c-only client
 * speaks): a body over {@code quarkus.http.limits.max-body-size} (64 KB) is answered 413 on its
 * stream, as over HTTP/1.1, instead of the whole connection being torn down; a normal body still
 * signs up.
 */
@QuarkusTest
class Http2CleartextTest {

    static Vertx vertx;
    static HttpClient client;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost("localhost"));
    }

    @AfterAll
    static void close() {
        client.close();
        vertx.close();
    }

    record Answer(int status, HttpVersion version, String body) {
    }

    /**
     * Sends on the pooled connection. A stream the client opened after the server said GOAWAY on that
     * connection (it may end one after refusing a body) was never seen by the server, and HTTP/2 lets such
     * a request go again on a new connection, as browsers do: it is sent once more. (Vert.x words it "... from
     * GOAWAY" when the stream was refused before it started, "Stream was closed (GOAWAY error code = 0)" when the
     * GOAWAY reached a stream it had just opened.)
     */
    static Answer post(String path, String json, boolean withLength) throws Exception {
        try {
            return send(path, json, withLength);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() == null || e.getCause().getMessage() == null || !e.getCause().getMessage().contains("GOAWAY")) throw e;
            return send(path, json, withLength);
        }
    }

    private static Answer send(String path, String json, boolean withLength) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Future<Answer> answer = client.request(new RequestOptions().setMethod(HttpMethod.POST).setPort(RestAssured.port)
                        .setURI(path).putHeader("Content-Type", "application/json"))
                .compose(request -> {
                    if (withLength) request.putHeader("Content-Length", String.valueOf(bytes.length));
                    else request.setChunked(true);
                    for (int i = 0; i < bytes.length; i += 8192) {
                        request.write(Buffer.buffer().appendBytes(bytes, i, Math.min(8192, bytes.length - i)));
                    }
                    request.end();
                    return request.response();
                })
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), response.version(),
                        body.toString(StandardCharsets.UTF_8))));
        return answer.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anOversizedApiBodyGets413OnItsStreamNotAConnectionReset() throws Exception {
        Event event = TestEvents.create(5, true);
        String big = "{\"name\":\"" + "x".repeat(100_000) + "\"}";
        try (Fixtures.ErrorLog log = new Fixtures.ErrorLog()) {
            for (boolean withLength : new boolean[]{true, false}) {
                Answer a = post("/api/events/" + event.slug + "/registrations", big, withLength);
                assertThat(a.version()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(a.status()).as(withLength ? "with Content-Length" : "without Content-Length").isEqualTo(413);
            }
            assertThat(log.messages()).isEmpty();
        }
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void aNormalSignUpOverH2cStillWorks() throws Exception {
        Event event = TestEvents.create(5, true);
        for (boolean withLength : new boolean[]{true, false}) {
            String email = "h2c-" + withLength + "-" + event.slug + "@example.com";
            Answer a = post("/api/events/" + event.slug + "/registrations", TestEvents.signUpJson("H2 Client", email), withLength);
            assertThat(a.version()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(a.status()).as(a.body()).isEqualTo(202);
        }
        assertThat(TestEvents.registrations(event)).hasSize(2);
    }
}
