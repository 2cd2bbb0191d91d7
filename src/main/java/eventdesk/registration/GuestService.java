package eventdesk.registration;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Availability.Request;
import eventdesk.registration.Availability.Status;
import eventdesk.registration.Guest.Refused.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People the organizer adds by hand. A guest takes a seat by the same rule as everyone else
 * ({@link Availability}, {@link Request#GUEST}: a free public seat, whatever the registration window
 * says), under the event lock, through the {@link SeatPath}; with none free nothing is stored, so the
 * event is never over capacity.
 */
@ApplicationScoped
public class GuestService {

    @Inject
    SeatPath seats;
    @Inject
    SignUpCheck check;
    @Inject
    AccessLog accessLog;
    @Inject
    MeterRegistry metrics;

    /**
     * Adds the guest to the event {@code slug} for the organizer {@code by}: CONFIRMED with the ticket mail
     * when {@link Guest#confirmedNow}, else PENDING with a hold and the confirm mail, exactly as a sign-up.
     * One access log entry (EDIT_REGISTRATION, the new registration's id) is written with it.
     *
     * @throws Guest.Invalid                          a field that cannot be used (and its problem)
     * @throws Guest.Refused                          a duplicate address, no seat, a cancelled event, a draw not
     *                                                drawn yet, or a pending guest once the event has started
     * @throws RegistrationException.UnknownEvent     no such event
     */
    @Transactional
    public Registration add(String slug, Guest in, Instant now, AccessLog.Entry by) {
        SignUp form = in.asSignUp();
        Map<String, String> problems = new LinkedHashMap<>(check.codes(form));
        Event event = Event.lockBySlug(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        seats.settle(event, now);
        Optional<TicketType> type = Optional.empty();
        if (form.ticketType != null && !problems.containsKey("ticketType")) {
            type = event.type(form.ticketType);
            if (type.isEmpty()) problems.put("ticketType", "invalid_choice");
        } else if (form.ticketType == null && event.hasTypes()) {
            problems.put("ticketType", "required");
        }
        if (!problems.isEmpty()) throw new Guest.Invalid(slug, in, ordered(problems));

        String person = Registration.personKey(event, form.email);
        if (Registration.activeByEmail(event, List.of(person)).containsKey(person)) throw refused(Reason.DUPLICATE, slug, in);
        if (!in.confirmedNow() && !now.isBefore(event.startsAt)) throw refused(Reason.STARTED, slug, in);
        Availability seat = Availability.of(event, type.orElse(null), Request.GUEST, now);
        if (seat.status() == Status.CLOSED) throw refused(Reason.CANCELLED, slug, in);
        if (!seat.status().givesSeat()) throw refused(event.takesApplications() ? Reason.DRAW : Reason.NO_SEAT, slug, in);

        Registration r = Registration.of(event, form, null, now);
        r.ticketType = type.orElse(null);
        if (in.confirmedNow()) {
            seats.giveConfirmed(r, seat, now);
        } else {
            seats.give(r, seat, RegistrationMails.Kind.SEAT_HELD, now);
        }
        metrics.counter("eventdesk.guests", "status", r.status.name()).increment();
        accessLog.recordWithChange(by.forEvent(event.slug).withRegistrations(List.of(r.id)));
        return r;
    }

    private Guest.Refused refused(Reason reason, String slug, Guest in) {
        metrics.counter("eventdesk.guests", "status", "refused_" + reason.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return new Guest.Refused(reason, slug, in);
    }

    /** The problems in the form's order (the ticket type first, as the sign-up form asks it first). */
    private static Map<String, String> ordered(Map<String, String> problems) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : SignUpCheck.FIELDS) if (problems.containsKey(field)) ordered.put(field, problems.get(field));
        return ordered;
    }
}
