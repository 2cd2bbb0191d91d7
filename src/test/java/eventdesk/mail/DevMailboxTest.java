package eventdesk.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev mailbox (a dev-mode-only route, so its page is rendered here from its template) shows a
 * mail as a mail client would: the whole HTML inside one sandboxed frame that runs no script, and
 * links that open outside it.
 */
class DevMailboxTest {

    static String page(OutboxMessage mail, String html) throws IOException {
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        try (InputStream in = DevMailboxTest.class.getResourceAsStream("/templates/DevMailbox/show.html")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return engine.parse(template, Variant.forContentType(Variant.TEXT_HTML))
                    .data("mail", mail).data("html", html).render();
        }
    }

    @Test
    void theMailIsShownWholeInASandboxedFrameThatRunsNoScript() throws IOException {
        OutboxMessage mail = new OutboxMessage();
        mail.subject = "Confirm your seat: <b>Meetup</b>";
        mail.recipient = "kim@example.com";
        mail.kind = "SEAT_HELD";
        mail.status = OutboxMessage.Status.SENT;
        mail.bodyText = "Confirm: http://localhost:8080/confirm/abc";
        String html = "<html><head><title>x</title></head><body style=\"color:#1d4ed8\"><p>Hi &amp; welcome</p>"
                + "<a href=\"http://localhost:8080/confirm/abc?a=1&amp;b=2\">Confirm</a>"
                + "\"></iframe><script>alert(1)</script></body></html>";

        String page = page(mail, DevMailbox.linksOpenOutside(html));

        Matcher frame = Pattern.compile("<iframe [^>]*sandbox=\"([^\"]*)\" srcdoc=\"([^\"]*)\"").matcher(page);
        assertThat(frame.find()).as(page).isTrue();
        assertThat(frame.group(1)).doesNotContain("allow-scripts").doesNotContain("allow-same-origin");
        String srcdoc = frame.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        assertThat(srcdoc).as("the frame holds the mail exactly, its links opening outside the frame")
                .isEqualTo(html.replace("<head>", "<head><base target=\"_blank\">"));
        assertThat(page).as("nothing of the mail outside the frame").doesNotContain("<script>").doesNotContain("<b>Meetup")
                .contains("Confirm your seat: &lt;b&gt;Meetup&lt;/b&gt;");
        assertThat(page.split("<iframe", -1)).hasSize(2);
    }

    @Test
    void linksOpenOutsideTheFrameWithOrWithoutAHead() {
        assertThat(DevMailbox.linksOpenOutside("<html><HEAD lang=\"ko\"><title>t</title></HEAD><body>x</body></html>"))
                .isEqualTo("<html><HEAD lang=\"ko\"><base target=\"_blank\"><title>t</title></HEAD><body>x</body></html>");
        assertThat(DevMailbox.linksOpenOutside("<p>no head</p>")).isEqualTo("<base target=\"_blank\"><p>no head</p>");
        assertThat(DevMailbox.linksOpenOutside("<html><header>not a head</header></html>"))
                .startsWith("<base target=\"_blank\">");
    }
}
