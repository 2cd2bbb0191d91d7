package eventdesk.registration;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static eventdesk.registration.RegistrationStatus.CANCELLED;

/**
 * Erasure of a person's data: the one routine behind a person's request on their own page and the
 * nightly retention after an event ({@link Retention}). An erased registration keeps its row, status,
 * times, ticket type, role, language, consent record, waitlist number, draw reference and rank, so the
 * counts, the charts and the draw record stay right; its name, address, affiliation, answers, links
 * and the mails it got (recipient, links and bodies; unsent ones entirely) are gone for good.
 */
@ApplicationScoped
public class Erasure {

    /** What an invitation code tied to an erased address is tied to instead: an address nobody has, so the code stays unusable. */
    static final String ERASED_CODE_EMAIL = "erased@invalid";

    @Inject
    SeatPath seats;
    @Inject
    Outbox outbox;
    @Inject
    AccessLog accessLog;

    /**
     * Erases every registration of the person with this address ({@link Registration#ofPerson}), at their
     * request. Their events are locked one after another in id order (as every other change locks one).
     * An active registration first leaves through the seat path as a cancellation the person is not
     * mailed about, so a held seat goes to the first person waiting and the counters move with it; a
     * checked-in one keeps its used seat. Invitation codes addressed to the person keep no address, nor do
     * the mails that brought them their codes. One
     * access log entry ({@code by}, action ERASED) names the registrations, in the same transaction.
     * Returns the ids erased: none when there is nothing (left) to erase, so erasing twice is harmless.
     */
    @Transactional
    public List<Long> erasePerson(String email, Instant now, AccessLog.Entry by) {
        List<Registration> found = Registration.ofPerson(email);
        if (found.isEmpty()) return List.of();
        found.stream().map(r -> r.event.id).distinct().sorted().forEach(Event::lock);
        List<Registration> erased = new ArrayList<>();
        for (Registration r : found) {
            Registration.getEntityManager().refresh(r);
            if (r.erased()) continue;
            if (r.status.isActive() && r.checkedInAt == null) seats.release(r, CANCELLED, now, false);
            erased.add(r);
        }
        List<String> codeEmails = erased.stream().flatMap(r -> java.util.stream.Stream.of(r.emailNormalized,
                Registration.normalizeEmail(r.email))).distinct().toList();
        clear(erased, now);
        if (!codeEmails.isEmpty()) InvitationCode.update("email = ?1 where email in ?2", ERASED_CODE_EMAIL, codeEmails);
        outbox.eraseTo(CodeMail.Kind.INVITATION_CODE, codeEmails);
        List<Long> ids = erased.stream().map(r -> r.id).toList();
        if (!ids.isEmpty()) accessLog.recordWithChange(by.withRegistrations(ids));
        return ids;
    }

    /**
     * Clears the personal data of these registrations, whose events the caller has locked, without changing
     * their status: name and affiliation become empty, the address one per row that reaches nobody (an
     * active row keeps one active address, as the one-active-per-address rule wants), answers and the
     * re-send time go; their links are deleted, their mails forgotten ({@link Outbox#erase}) and the
     * invitation codes they used keep no address. {@code erasedAt} says when.
     */
    void clear(List<Registration> registrations, Instant now) {
        if (registrations.isEmpty()) return;
        List<Long> ids = registrations.stream().map(r -> r.id).toList();
        for (Registration r : registrations) {
            r.name = "";
            r.email = placeholder(r.id);
            r.emailNormalized = r.email;
            r.activeEmail = r.status.isActive() ? r.email : null;
            r.affiliation = "";
            r.answers = null;
            r.resentAt = null;
            r.erasedAt = now;
        }
        AccessToken.delete("registration.id in ?1", ids);
        InvitationCode.update("email = ?1 where registration.id in ?2 and email is not null", ERASED_CODE_EMAIL, ids);
        outbox.erase(ids);
    }

    /** The address an erased registration keeps: unique per row, and no mail server takes the {@code .invalid} domain. */
    static String placeholder(long id) {
        return "erased-" + id + "@invalid";
    }
}
