package eventdesk.mail;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): the mails the outbox sent, newest first, rendered
 * with working links, so the sign-up → confirm → ticket flow can be tried without reading the
 * log. Built into dev builds only: the production jar has no such route. In dev the outbox keeps
 * sent mails' bodies ({@code eventdesk.outbox.keep-sent-bodies}).
 */
@IfBuildProfile("dev")
@Path("/dev/mail")
public class DevMailbox {

    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<OutboxMessage> mails);

        static native TemplateInstance show(OutboxMessage mail, String html);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance list() {
        return Templates.list(OutboxMessage.<OutboxMessage>find("order by id desc").page(0, 100).list());
    }

    /**
     * One mail as a mail client shows it: its HTML in a sandboxed frame (no script, no access to this
     * page; links open in a new tab), the inline QR code as an image, the text part below. The page's
     * own Content-Security-Policy (see {@code HttpHardening}) lets the mail's inline styles and images show.
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance show(@PathParam("id") long id) {
        OutboxMessage m = OutboxMessage.findById(id);
        if (m == null || m.bodyHtml == null) throw new NotFoundException();
        String html = m.qrData == null ? m.bodyHtml : m.bodyHtml.replace("cid:ticket-qr@eventdesk",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCode.png(m.qrData, 320)));
        return Templates.show(m, linksOpenOutside(html));
    }

    /** The mail's HTML with its links opening in a new tab (top level), as a webmail client opens them. */
    static String linksOpenOutside(String html) {
        String base = "<base target=\"_blank\">";
        Matcher head = HEAD.matcher(html);
        return head.find() ? html.substring(0, head.end()) + base + html.substring(head.end()) : base + html;
    }
}
