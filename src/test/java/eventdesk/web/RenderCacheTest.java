package eventdesk.web;

import eventdesk.web.RenderCache.Rendered;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCacheTest {

    private static final Instant OPENS = Instant.parse("2027-03-01T01:00:00Z");
    private static final Instant CLOSES = Instant.parse("2027-03-10T01:00:00Z");

    @Test
    void anAnswerIsRenderedAgainForANewStampOrPastAnInstantItChangesAt() {
        RenderCache<String, Long, String> cache = new RenderCache<>();
        AtomicInteger renders = new AtomicInteger();
        long[] stamp = {1};
        Instant before = OPENS.minusSeconds(60);
        java.util.function.Function<Instant, String> get = now -> cache.get("e", () -> stamp[0], now, s -> new Rendered<>(
                "stamp " + s + (now.isBefore(OPENS) ? " not open" : " open") + " #" + renders.incrementAndGet(), List.of(OPENS, CLOSES)));

        assertThat(get.apply(before)).isEqualTo("stamp 1 not open #1");
        assertThat(get.apply(before.plusSeconds(59))).isEqualTo("stamp 1 not open #1");
        assertThat(get.apply(OPENS)).isEqualTo("stamp 1 open #2");
        assertThat(get.apply(OPENS.plusSeconds(3600))).isEqualTo("stamp 1 open #2");
        stamp[0] = 2;
        assertThat(get.apply(OPENS.plusSeconds(3600))).isEqualTo("stamp 2 open #3");
        // A clock set back before the opening is not shown the open page.
        assertThat(get.apply(before)).isEqualTo("stamp 2 not open #4");
    }

    @Test
    void theIntervalIsBetweenTheNearestInstantsAroundNow() {
        List<Instant> changes = List.of(CLOSES, OPENS);
        assertThat(RenderCache.from(changes, OPENS.minusSeconds(1))).isEqualTo(Instant.MIN);
        assertThat(RenderCache.until(changes, OPENS.minusSeconds(1))).isEqualTo(OPENS);
        assertThat(RenderCache.from(changes, OPENS)).isEqualTo(OPENS);
        assertThat(RenderCache.until(changes, OPENS)).isEqualTo(CLOSES);
        assertThat(RenderCache.until(changes, CLOSES)).isEqualTo(Instant.MAX);
    }

    @Test
    void eachVisitorGetsTheirOwnTokenWhereverTheMarkerWas() {
        SharedAnswer page = SharedAnswer.page("<form><input value=\"MARK\"></form><form><input value=\"MARK\"></form>", "MARK");
        assertThat(page.hasForm()).isTrue();
        Response a = page.respond(null, () -> "tokenA"), b = page.respond(null, () -> "tokenB");
        assertThat(new String((byte[]) a.getEntity(), StandardCharsets.UTF_8))
                .isEqualTo("<form><input value=\"tokenA\"></form><form><input value=\"tokenA\"></form>");
        assertThat(new String((byte[]) b.getEntity(), StandardCharsets.UTF_8)).contains("tokenB").doesNotContain("tokenA");
        String etagA = a.getHeaderString("ETag");
        assertThat(etagA).isNotEqualTo(b.getHeaderString("ETag"));
        assertThat(page.respond("W/" + etagA, () -> "tokenA").getStatus()).isEqualTo(304);
        assertThat(page.respond("\"other\", " + etagA, () -> "tokenA").getStatus()).isEqualTo(304);
        assertThat(page.respond(etagA, () -> "tokenB").getStatus()).isEqualTo(200);
    }

    @Test
    void aPageWithoutAFormNeverAsksForAToken() {
        SharedAnswer list = SharedAnswer.page("<ul><li>Founders Day</li></ul>", "MARK");
        assertThat(list.hasForm()).isFalse();
        Response r = list.respond(null, () -> {
            throw new AssertionError("a page without a form sets no CSRF cookie");
        });
        assertThat(r.getStatus()).isEqualTo(200);
    }
}
