package eventdesk.registration;

import eventdesk.registration.RegistrationException.InvalidLink;
import eventdesk.web.EventdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consent to promotional mail after the sign-up: the unsubscribe link every mail carries while the
 * consent stands, the marks a promotional mail carries, and the withdrawal.
 *
 * <p>The link is {@code {base}/unsubscribe/{secret}}, an {@link AccessToken} of purpose UNSUBSCRIBE made
 * afresh for each mail (only its hash is stored). Withdrawing through it ends marketing consent on every
 * registration of that email address, not only the one the mail was about: the sender is the same, and
 * whoever said "no more advertising" must not get it through another sign-up either.
 */
@ApplicationScoped
public class MarketingConsent {

    public static final String PATH = "/unsubscribe/";

    @Inject
    EventdeskConfig config;
    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> mailFrom;

    /** Who a promotional mail names as its sender at its end, and how to reach them. */
    public record Sender(String name, String contact) {
    }

    /** A fresh unsubscribe link for {@code r} while promotional mail may go to it; empty otherwise. */
    public Optional<String> unsubscribeUrl(Registration r, Instant now) {
        if (!r.hasMarketingConsent()) return Optional.empty();
        return Optional.of(config.baseUrl() + PATH + AccessToken.issue(r, AccessToken.Purpose.UNSUBSCRIBE, now));
    }

    /**
     * The header fields that let a mail client offer "unsubscribe" (RFC 2369) and do it with one POST,
     * no page and no cookie (RFC 8058).
     */
    public static Map<String, String> headers(String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /** {@code eventdesk.sender.name} and {@code .contact}; without a contact, the address mails come from. */
    public Sender sender() {
        String contact = config.sender().contact().map(String::strip).filter(c -> !c.isEmpty())
                .orElseGet(() -> mailFrom.map(MarketingConsent::address).orElse(""));
        return new Sender(config.sender().name().strip(), contact);
    }

    /** The address of a mailbox as {@code quarkus.mailer.from} writes it: {@code eventdesk <no-reply@x.kr>} is {@code no-reply@x.kr}. */
    static String address(String mailbox) {
        int open = mailbox.lastIndexOf('<'), close = mailbox.lastIndexOf('>');
        return open >= 0 && close > open ? mailbox.substring(open + 1, close).strip() : mailbox.strip();
    }

    /**
     * Withdraws marketing consent through an unsubscribe link, at once, on every registration of the
     * link's email address. Each registration changes under its event's row lock, as every change to a
     * registration does (the seat path writes whole rows and would otherwise put the consent back); the
     * events are locked in id order, so two withdrawals never wait on each other.
     *
     * @return the registration the link was made for
     * @throws InvalidLink for a link that names no registration
     */
    @Transactional
    public Registration withdraw(String secret, Instant now) {
        Registration linked = AccessToken.resolve(secret, AccessToken.Purpose.UNSUBSCRIBE).orElseThrow(InvalidLink::unknown);
        List<Registration> consenting = Registration.<Registration>list("marketingConsent = true and lower(email) = ?1",
                Registration.normalizeEmail(linked.email));
        consenting.stream().sorted(Comparator.comparing((Registration r) -> r.event.id).thenComparing(r -> r.id))
                .forEach(r -> Registration.lock(r).withdrawMarketing(now));
        return linked;
    }
}
