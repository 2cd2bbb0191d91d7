package eventdesk.registration;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Availability.Request;
import eventdesk.registration.RegistrationException.Closed;
import eventdesk.registration.RegistrationException.NotApplied;
import eventdesk.registration.RegistrationException.SeatsByDraw;
import eventdesk.registration.RegistrationException.SoldOut;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static eventdesk.registration.RegistrationStatus.APPLIED;
import static eventdesk.registration.RegistrationStatus.WAITLISTED;

/**
 * The organizer's say over who gets in besides first come, first served: approving or declining
 * applications (approval mode), and issuing invitation codes. An approval takes a seat by the same
 * rule as every other request ({@link Availability}, {@link Request#APPROVAL}), under the event lock.
 * A draw event's applications are never decided here ({@link SeatsByDraw}): the draw alone gives its seats.
 */
@ApplicationScoped
public class ApprovalService {

    @Inject
    SeatPath seats;
    @Inject
    MeterRegistry metrics;
    @Inject
    AccessLog accessLog;
    @Inject
    CodeMail codeMail;

    /**
     * Approves an application: a free seat of its type with nobody of the type waiting makes it PENDING
     * with a hold and a confirm mail; else it joins the end of the type's waitlist, or {@link SoldOut}
     * without a waitlist leaves it APPLIED. Anything but APPLIED is refused ({@link NotApplied}).
     */
    @Transactional
    public Registration approve(long id, Instant now) {
        Registration r = Registration.lockById(id);
        seats.settle(r.event, now);
        approveLocked(r, now);
        return r;
    }

    /** {@link #approve(long, Instant)} by the organizer {@code by}, with its access log entry (event, registration id). */
    @Transactional
    public Registration approve(long id, Instant now, AccessLog.Entry by) {
        return logged(approve(id, now), by);
    }

    /**
     * Declines an application (APPLIED to DECLINED, final) and sends a kind note in the person's
     * language. A draw event's applications are refused ({@link SeatsByDraw}): the draw decides them.
     */
    @Transactional
    public Registration decline(long id, Instant now) {
        Registration r = Registration.lockById(id);
        declineLocked(r, now);
        return r;
    }

    /** {@link #decline(long, Instant)} by the organizer {@code by}, with its access log entry (event, registration id). */
    @Transactional
    public Registration decline(long id, Instant now, AccessLog.Entry by) {
        return logged(decline(id, now), by);
    }

    private Registration logged(Registration r, AccessLog.Entry by) {
        accessLog.recordWithChange(by.forEvent(r.event.slug).withRegistrations(List.of(r.id)));
        return r;
    }

    /** What a batch of approvals or declines did. */
    public record Decided(int approved, int waitlisted, int declined, int skipped) {
    }

    /**
     * Approves or declines many applications of one event at once, under one lock, oldest first.
     * Ids of other events, or registrations that are no longer APPLIED, are skipped, as are
     * approvals that find the event sold out without a waitlist. A draw event refuses the whole
     * batch ({@link SeatsByDraw}). The organizer {@code by} gets one access log entry naming the
     * registrations decided, with the decisions; none when nothing was decided.
     */
    @Transactional
    public Decided decideApplications(String slug, List<Long> ids, boolean approve, Instant now, AccessLog.Entry by) {
        Event event = lockForDecisions(slug, now);
        List<Registration> chosen = ids.isEmpty() ? List.of()
                : Registration.list("event = ?1 and id in ?2 order by createdAt, id", event, ids);
        return decide(event, chosen, ids.size() - chosen.size(), approve, now, by);
    }

    /**
     * Approves or declines every waiting application of the event that the filter (the applications page's
     * parameters, {@link ApplicationFilter}) lets through now, exactly as {@link #decideApplications} decides
     * ticked ones: under the event lock, oldest first, each approval asking {@link Availability}, so seats
     * never exceed the capacity and the counters move with the statuses. Only while the filter still finds
     * exactly the applications the organizer confirmed ({@code confirmed}, their
     * {@link ApplicationFilter#fingerprint}): otherwise nothing changes and the answer is empty. The access
     * log entry also names the filter and how many it found.
     */
    @Transactional
    public Optional<Decided> decideMatching(String slug, Function<String, String> filter, String confirmed, boolean approve,
                                            Instant now, AccessLog.Entry by) {
        Event event = lockForDecisions(slug, now);
        ApplicationFilter matching = ApplicationFilter.of(event, filter);
        List<Registration> chosen = matching.applications(event);
        if (chosen.isEmpty() || !ApplicationFilter.fingerprint(chosen).equals(confirmed)) return Optional.empty();
        return Optional.of(decide(event, chosen, 0, approve, now, by.withFilter(matching.logText(), chosen.size())));
    }

    private Event lockForDecisions(String slug, Instant now) {
        Event event = Event.lockBySlug(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        if (event.isDraw()) throw new SeatsByDraw(event.slug);
        seats.settle(event, now);
        return event;
    }

    private Decided decide(Event event, List<Registration> chosen, int skipped, boolean approve, Instant now, AccessLog.Entry by) {
        int approved = 0, waitlisted = 0, declined = 0;
        List<Long> decided = new ArrayList<>();
        for (Registration r : chosen) {
            try {
                if (approve) {
                    approveLocked(r, now);
                    if (r.status == WAITLISTED) waitlisted++;
                    else approved++;
                } else {
                    declineLocked(r, now);
                    declined++;
                }
                decided.add(r.id);
            } catch (NotApplied | SoldOut | Closed notNow) {
                skipped++;
            }
        }
        if (!decided.isEmpty()) accessLog.recordWithChange(by.forEvent(event.slug).withRegistrations(decided));
        return new Decided(approved, waitlisted, declined, skipped);
    }

    private void approveLocked(Registration r, Instant now) {
        if (r.event.isDraw()) throw new SeatsByDraw(r.event.slug);
        if (r.status != APPLIED) throw new NotApplied(r.status);
        Availability seat = Availability.of(r.event, r.ticketType, Request.APPROVAL, now);
        switch (seat.status()) {
            case SEAT -> {
                r.approvedAt = now;
                seats.give(r, seat, RegistrationMails.Kind.APPROVED, now);
            }
            case WAITLIST -> {
                r.approvedAt = now;
                seats.joinWaitlist(r, now);
            }
            case CLOSED -> throw new Closed(Event.Closure.CANCELLED, r.event.slug);
            default -> throw new SoldOut(r.event.slug);
        }
        metrics.counter("eventdesk.approvals").increment();
    }

    private void declineLocked(Registration r, Instant now) {
        if (r.event.isDraw()) throw new SeatsByDraw(r.event.slug);
        if (r.status != APPLIED) throw new NotApplied(r.status);
        seats.decline(r, now);
    }

    /**
     * Makes invitation codes for an event (and one of its types), single use, optionally for one
     * email and with an expiry; returns them as people type them. Only their hashes are stored. The
     * organizer {@code by} gets one access log entry with how many, written with the codes. Under the event's
     * lock, like every change to what its page shows (the page offers the code field while a code is usable).
     */
    @Transactional
    public List<String> createCodes(long eventId, String typeKey, int count, String email, Instant expiresAt, Instant now,
                                    AccessLog.Entry by) {
        Event event = Event.lock(eventId);
        TicketType type = typeKey == null ? null : event.type(typeKey).orElseThrow();
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) codes.add(InvitationCode.create(event, type, email, expiresAt, now));
        accessLog.recordWithChange(by.forEvent(event.slug).withCount(count));
        return codes;
    }

    /** A code made for one address and mailed to it. */
    public record MailedCode(String email, String code) {
    }

    /**
     * Makes one personal invitation code for each of these addresses (distinct, as the mailer sends them),
     * usable only with that address, and mails it there ({@link CodeMail}); the codes and their mails are
     * written in one transaction, so either every address gets its code or none is made. The organizer
     * {@code by} gets one access log entry with how many, reason "mailed". Under the event's lock, like every
     * change to what its page shows.
     */
    @Transactional
    public List<MailedCode> mailCodes(long eventId, String typeKey, List<String> emails, Instant expiresAt, Instant now,
                                      AccessLog.Entry by) {
        Event event = Event.lock(eventId);
        TicketType type = typeKey == null ? null : event.type(typeKey).orElseThrow();
        List<MailedCode> codes = new ArrayList<>(emails.size());
        for (String email : emails) codes.add(mailCode(event, type, email, expiresAt, now));
        accessLog.recordWithChange(by.forEvent(event.slug).withCount(codes.size()).because("mailed"));
        return codes;
    }

    /**
     * Who of a list (an imported list) would get a personal invitation code now, storing nothing: each person
     * needs an address that can be mailed, one of the event's ticket types where it has types, no address an
     * earlier person of the list has, no active registration for the event and no unused personal code for it.
     *
     * @throws RegistrationException.UnknownEvent no such event
     */
    @Transactional
    public List<Guest.Verdict> checkCodes(String slug, List<Guest> people, Instant now) {
        Event event = Event.bySlugWithTypes(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        return new CodeList(event, people, now).verdicts;
    }

    /**
     * Mails one personal invitation code, of the person's ticket type and without expiry, to each person of a
     * list who may get one as {@link #checkCodes} decides, under the event's lock (so two runs of one list mail
     * each address once) and in one transaction. The organizer {@code by} gets one access log entry (MAKE_CODES)
     * with how many, when any.
     *
     * @return one verdict per person, in the list's order: mailed, or why not
     * @throws RegistrationException.UnknownEvent no such event
     */
    @Transactional
    public List<Guest.Verdict> mailCodes(String slug, List<Guest> people, Instant now, AccessLog.Entry by) {
        Event event = Event.lockBySlug(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        CodeList list = new CodeList(event, people, now);
        int mailed = 0;
        for (int i = 0; i < people.size(); i++) {
            if (!list.verdicts.get(i).ok()) continue;
            mailCode(event, list.types.get(i), list.emails.get(i), null, now);
            mailed++;
        }
        if (mailed > 0) accessLog.recordWithChange(by.forEvent(event.slug).withCount(mailed));
        return list.verdicts;
    }

    /** Makes one personal code for {@code email} and writes its mail to the outbox, in the caller's transaction. */
    private MailedCode mailCode(Event event, TicketType type, String email, Instant expiresAt, Instant now) {
        String code = InvitationCode.create(event, type, email, expiresAt, now);
        codeMail.send(event, type == null ? null : type.key, email, code, expiresAt);
        return new MailedCode(email, code);
    }

    /** A list's people as personal codes would take them: each one's address and type, and the verdict. */
    private static final class CodeList {
        final List<String> emails = new ArrayList<>();
        final List<TicketType> types = new ArrayList<>();
        final List<Guest.Verdict> verdicts = new ArrayList<>();

        CodeList(Event event, List<Guest> people, Instant now) {
            List<Map<String, String>> problems = new ArrayList<>();
            for (Guest p : people) {
                CodeForm.CodeRequest one = new CodeForm.CodeRequest();
                one.count = 1;
                one.email = p.email;
                one.ticketType = p.ticketType;
                Map<String, String> found = new LinkedHashMap<>(CodeForm.problems(event, one));
                if (p.email == null || p.email.isBlank()) found.put("email", "required");
                problems.add(found);
                emails.add(found.containsKey("email") ? null : Registration.normalizeEmail(CodeForm.email(p.email)));
                types.add(found.isEmpty() && one.ticketType != null ? event.type(one.ticketType).orElseThrow() : null);
            }
            List<String> keys = emails.stream().map(e -> e == null ? null : Registration.personKey(event, e)).toList();
            Map<String, Registration> registered = Registration.activeByEmail(event,
                    keys.stream().filter(p -> p != null).distinct().toList());
            Set<String> coded = InvitationCode.openFor(event, emails.stream().filter(e -> e != null).distinct().toList(), now);
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < people.size(); i++) {
                String person = keys.get(i);
                Integer earlier = person == null ? null : first.putIfAbsent(person, i);
                if (!problems.get(i).isEmpty()) verdicts.add(Guest.Verdict.invalid(problems.get(i)));
                else if (earlier != null) verdicts.add(Guest.Verdict.repeats(earlier));
                else if (registered.containsKey(person)) verdicts.add(Guest.Verdict.registered(registered.get(person).id));
                else if (coded.contains(emails.get(i))) verdicts.add(Guest.Verdict.of(Guest.Verdict.Problem.HAS_CODE));
                else verdicts.add(Guest.Verdict.ready());
            }
        }
    }
}
