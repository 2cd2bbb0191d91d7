package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.event.TicketType;
import eventdesk.registration.Availability.Status;
import eventdesk.registration.InvitationCode.Refusal;
import eventdesk.registration.RegistrationException.Closed;
import eventdesk.registration.RegistrationException.InvalidAnswers;
import eventdesk.registration.RegistrationException.InvalidField;
import eventdesk.registration.RegistrationException.SoldOut;
import eventdesk.registration.RegistrationException.UnknownEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static eventdesk.registration.RegistrationStatus.APPLIED;
import static eventdesk.registration.RegistrationStatus.PENDING;
import static eventdesk.registration.RegistrationStatus.WAITLISTED;

/**
 * Sign-ups, decided in crowds: {@link #register} queues them per event ({@link SeatQueue}) and
 * {@link #decideBatch} takes a whole batch under one event lock and one commit, applying the
 * one-at-a-time rule {@link #decide} to each request in arrival order. So a batch decides exactly what
 * the same requests one after another would, and at most one registration per person and event is
 * active. The seat each request may take is {@link Availability}'s answer; the {@link SeatPath} gives it.
 */
@ApplicationScoped
public class SignUpService {

    /** A repeated sign-up re-sends the registration's email at most this often. */
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(10);

    @Inject
    SeatPath seats;
    @Inject
    RegistrationService registrations;
    @Inject
    SeatQueue queue;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;
    @Inject
    ConsentNotice notice;

    /**
     * What a sign-up is told: PENDING (a seat is held) with until when a new hold lasts, WAITLISTED with the
     * position in its type's queue, or APPLIED. {@code holdUntil} is null unless PENDING; a repeated sign-up
     * is told the same as a new one.
     */
    public record Answer(RegistrationStatus status, long waitlistPosition, Instant holdUntil) {
    }

    /** A sign-up waiting for its batch; answered only after the batch committed. */
    record Request(String slug, SignUp form, Instant arrivedAt, CompletableFuture<Answer> answer) {
    }

    /**
     * What a batch decided: per request its {@link Answer} or its {@link RegistrationException}, and whether
     * the batch wrote anything (a registration or a mail; a repeated sign-up inside its re-send interval writes
     * nothing).
     */
    record Decisions(List<Object> results, boolean wroteAny) {
    }

    /** One sign-up's answer, and whether deciding it wrote anything. */
    private record Outcome(Answer answer, boolean wrote) {
        static Outcome written(Answer answer) {
            return new Outcome(answer, true);
        }
    }

    /**
     * Signs a person up; the answer comes once the sign-up's batch has committed, and fails with a
     * {@link RegistrationException} when the event takes no sign-up. The caller's thread does not wait.
     */
    public CompletionStage<Answer> register(String slug, SignUp form) {
        return queue.submit(new Request(slug, form, Instant.now(clock), new CompletableFuture<>()));
    }

    /**
     * Decides a batch of sign-ups for one event in one transaction: locks the event row once (so
     * batches of one event decide one after another on any database and across app instances),
     * applies {@link #decide} to each request in arrival order, and returns per request its
     * {@link Answer} or its {@link RegistrationException}, to be handed out after the commit. A batch
     * of one is exactly the one-at-a-time sign-up.
     */
    @Transactional
    Decisions decideBatch(String slug, List<Request> batch) {
        Optional<Event> locked = Event.lockForSignUps(slug).filter(e -> e.status != EventStatus.draft);
        List<Object> results = new ArrayList<>(batch.size());
        if (locked.isEmpty()) {
            batch.forEach(r -> results.add(new UnknownEvent()));
            return new Decisions(results, false);
        }
        Event event = locked.get();
        seats.settle(event, Instant.now(clock));
        Map<String, Registration> active = Registration.activeByEmail(event,
                batch.stream().map(r -> Registration.personKey(event, r.form().email)).distinct().toList());
        Questions questions = Questions.of(event);
        boolean wroteAny = false;
        for (Request request : batch) {
            try {
                Outcome outcome = decide(event, request.form(), questions, active, request.arrivedAt());
                results.add(outcome.answer());
                wroteAny |= outcome.wrote();
            } catch (RegistrationException refused) {
                results.add(refused);
            }
        }
        return new Decisions(results, wroteAny);
    }

    /**
     * The rule for one sign-up, under the event lock: answers to the event's questions are checked
     * first, like every other field of the form; closed windows take nothing; an unknown ticket type
     * or an invitation code that cannot be used takes nothing ({@link InvalidField}). Then
     * {@link Availability} answers what the sign-up (with or without its code) may take now: a seat,
     * the end of its type's waitlist, an application (to the draw, or for approval), or nothing
     * ({@link SoldOut}, or the code's {@link Refusal#NO_SEAT}). An email that is already active creates
     * nothing, re-sends its mail (at most every {@link #RESEND_INTERVAL}) and is told exactly what a new
     * person would be told now, so answers never reveal who is registered.
     *
     * @param active the event's active registrations by person; a new one is added
     */
    private Outcome decide(Event event, SignUp form, Questions questions, Map<String, Registration> active, Instant now) {
        Answers.Checked answers = questions.check(form);
        if (!answers.errors().isEmpty()) {
            count("invalid_answers");
            throw new InvalidAnswers(event.slug, form, answers.errors());
        }
        Optional<Event.Closure> closure = event.closureAt(now);
        if (closure.isPresent()) {
            count("closed");
            throw new Closed(closure.get(), event.slug);
        }
        Optional<TicketType> named = namedType(event, form);
        Optional<InvitationCode> code = usableCode(event, form, now);
        TicketType type = typeOf(event, form, named, code);
        Availability seat = Availability.of(event, type, code.isPresent() ? Availability.Request.CODE : Availability.Request.SIGN_UP, now);
        Registration existing = active.get(Registration.personKey(event, form.email));
        if (existing != null) {
            count("duplicate");
            boolean resend = existing.resentAt == null || !now.isBefore(existing.resentAt.plus(RESEND_INTERVAL));
            if (resend) {
                existing.resentAt = now;
                registrations.resendEmail(existing, now);
            }
            return new Outcome(told(event, type, seat, form, code.isPresent(), now), resend);
        }
        if (seat.status() == Status.SOLD_OUT) {
            if (code.isPresent()) throw refused(event, form, Refusal.NO_SEAT);
            count("sold_out");
            throw new SoldOut(event.slug);
        }
        Answer answer = told(event, type, seat, form, code.isPresent(), now);
        Registration r = Registration.of(event, form, notice.version(), now);
        r.ticketType = type;
        r.answers = Answers.toJson(answers.values());
        active.put(r.emailNormalized, r);
        switch (seat.status()) {
            case SEAT, HELD_SEAT -> {
                seats.give(r, seat, RegistrationMails.Kind.SEAT_HELD, now);
                code.ifPresent(c -> {
                    c.usedAt = now;
                    c.registration = r;
                });
                count(code.isPresent() ? "code" : "pending");
            }
            case APPLICATION -> {
                seats.enterDraw(r, now);
                count("applied");
            }
            case APPROVAL -> {
                seats.awaitApproval(r, now);
                count("applied");
            }
            case WAITLIST -> {
                seats.joinWaitlist(r, now);
                count("waitlisted");
            }
            default -> throw new IllegalStateException("a sign-up is never answered " + seat);
        }
        return Outcome.written(answer);
    }

    /**
     * What a sign-up is told for this availability, before anything is written: PENDING for a seat,
     * APPLIED for an application, the next place in its type's waitlist, or {@link SoldOut} (with a
     * code: {@link Refusal#NO_SEAT}).
     */
    private Answer told(Event event, TicketType type, Availability seat, SignUp form, boolean withCode, Instant now) {
        return switch (seat.status()) {
            case SEAT, HELD_SEAT -> new Answer(PENDING, 0, seats.holdUntil(event, now));
            case APPLICATION, APPROVAL -> new Answer(APPLIED, 0, null);
            case WAITLIST -> new Answer(WAITLISTED, event.waitlistedOf(type) + 1L, null);
            default -> throw withCode ? new InvalidField("code", Refusal.NO_SEAT.name(), form, event.slug)
                    : new SoldOut(event.slug);
        };
    }

    /** The ticket type the sign-up names, if it names one; an unknown key takes nothing. */
    private Optional<TicketType> namedType(Event event, SignUp form) {
        if (form.ticketType == null) return Optional.empty();
        Optional<TicketType> type = event.type(form.ticketType);
        if (type.isEmpty()) {
            count("invalid");
            throw new InvalidField("ticketType", "invalid_choice", form, event.slug);
        }
        return type;
    }

    /** The invitation code the sign-up typed, if any; one this email cannot use now takes nothing. */
    private Optional<InvitationCode> usableCode(Event event, SignUp form, Instant now) {
        if (form.code == null) return Optional.empty();
        InvitationCode code = InvitationCode.find(event, form.code).orElseThrow(() -> refused(event, form, Refusal.UNKNOWN));
        Optional<Refusal> refusal = code.refusalFor(Registration.normalizeEmail(form.email), now);
        if (refusal.isPresent()) throw refused(event, form, refusal.get());
        return Optional.of(code);
    }

    /**
     * The type whose seat is asked for: a code's own type (naming another is refused), else the one the
     * sign-up names; an event with types needs one. Null in an event without types.
     */
    private TicketType typeOf(Event event, SignUp form, Optional<TicketType> named, Optional<InvitationCode> code) {
        Optional<TicketType> codeType = code.map(c -> c.ticketType);
        if (codeType.isPresent() && named.isPresent() && !named.get().id.equals(codeType.get().id)) {
            throw refused(event, form, Refusal.OTHER_TYPE);
        }
        Optional<TicketType> type = codeType.or(() -> named);
        if (type.isEmpty() && event.hasTypes()) {
            count("invalid");
            throw new InvalidField("ticketType", "required", form, event.slug);
        }
        return type.orElse(null);
    }

    private InvalidField refused(Event event, SignUp form, Refusal refusal) {
        count("code_refused");
        return new InvalidField("code", refusal.name(), form, event.slug);
    }

    private void count(String outcome) {
        metrics.counter("eventdesk.signups", "outcome", outcome).increment();
    }
}
