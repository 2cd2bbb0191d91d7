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

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): the mails the outbox sent, newest first, rendered
 * with working links, so the sign-up → confirm → ticket flow can be tried without reading the
 * log. Built into dev builds only: the production jar has no such route. In dev the outbox keeps
 * sent mails' bodies ({@code eventdesk.outbox.keep-sent-bodies}).
 */
@IfBuildProfile("dev")
@Path("/dev/mail")
public class DevMailbox {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<OutboxMessage> mails);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance list() {
        return Templates.list(OutboxMessage.<OutboxMessage>find("order by id desc").page(0, 100).list());
    }

    /** One mail's HTML as the recipient sees it; the inline QR code is shown as an image. */
    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String show(@PathParam("id") long id) {
        OutboxMessage m = OutboxMessage.findById(id);
        if (m == null || m.bodyHtml == null) throw new NotFoundException();
        if (m.qrData == null) return m.bodyHtml;
        String png = Base64.getEncoder().encodeToString(QrCode.png(m.qrData, 320));
        return m.bodyHtml.replace("cid:ticket-qr@eventdesk", "data:image/png;base64," + png);
    }
}
