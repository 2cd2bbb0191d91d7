package eventdesk.testing;

import eventdesk.mail.OutboxMessage;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an erased registration keeps, the same whether the person asked or retention came. */
public final class Erased {

    private Erased() {
    }

    /**
     * The row is there with {@code erasedAt}; name, address, affiliation, answers and re-send time are gone;
     * it has no links; its mails are sent ones only, without recipient, links or bodies.
     */
    public static Registration check(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration r = Registration.findById(id);
            assertThat(r).as("registration " + id + " stays").isNotNull();
            assertThat(r.erasedAt).as("erasedAt").isNotNull();
            assertThat(r.name).isEmpty();
            assertThat(r.affiliation).isEmpty();
            assertThat(r.email).isEqualTo("erased-" + id + "@invalid").isEqualTo(r.emailNormalized);
            assertThat(r.activeEmail).isIn(null, r.email);
            assertThat(r.answers).isNull();
            assertThat(r.resentAt).isNull();
            assertThat(AccessToken.count("registration.id", id)).as("links").isZero();
            List<OutboxMessage> mails = OutboxMessage.forOwner(id);
            for (OutboxMessage m : mails) {
                assertThat(m.status).as("only sent mails stay").isEqualTo(OutboxMessage.Status.SENT);
                assertThat(m.recipient).isEmpty();
                assertThat(m.params).isNull();
                assertThat(m.bodyText).isNull();
                assertThat(m.bodyHtml).isNull();
                assertThat(m.qrData).isNull();
                assertThat(m.ics).isNull();
            }
            return r;
        });
    }

    /** No mail row names this address any more. */
    public static void noMailTo(String email) {
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.count("lower(recipient) = ?1", email.toLowerCase(java.util.Locale.ROOT))))
                .as("outbox rows to " + email).isZero();
    }
}
