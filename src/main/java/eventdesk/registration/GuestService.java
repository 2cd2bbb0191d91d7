package eventdesk.registration;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Availability.Request;
import eventdesk.registration.Availability.Status;
import eventdesk.registration.Guest.Refused.Reason;
import eventdesk.registration.Guest.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * People the organizer adds by hand, one at a time or as a list. A guest takes a seat by the same rule as
 * everyone else ({@link Availability}, {@link Request#GUEST}: a free public seat, whatever the registration
 * window says), under the event lock, through the {@link SeatPath}; with none free nothing is stored for that
 * guest, so the event is never over capacity.
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
    @Inject
    EntityManager em;

    /** A guest's fields as the checks read them: the sign-up they make, its problems, and its ticket type. */
    private record Fields(SignUp form, Map<String, String> problems, TicketType type) {
    }

    /** What a list's run does with a guest who may take a seat: seat them (the new id), or count the seat (null). */
    private interface Seating {
        Long seat(Guest guest, Fields fields, Availability seat);
    }

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
        Map<String, String> codes = check.codes(form);
        Event event = Event.lockBySlug(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        seats.settle(event, now);
        Fields fields = fields(event, form, codes);
        if (!fields.problems().isEmpty()) throw new Guest.Invalid(slug, in, fields.problems());
        String person = Registration.personKey(event, form.email);
        Availability seat;
        try {
            seat = seat(event, in, fields.type(), person, Registration.activeByEmail(event, List.of(person)), now);
        } catch (Guest.Refused no) {
            count("refused_" + no.reason.name().toLowerCase(Locale.ROOT));
            throw no;
        }
        Registration r = give(event, in, fields, seat, now);
        accessLog.recordWithChange(by.forEvent(event.slug).withRegistrations(List.of(r.id)));
        return r;
    }

    /**
     * Adds a list of guests (an imported list) to the event {@code slug} for the organizer {@code by}: each is
     * decided as {@link #add} decides one, in the list's order, under one lock of the event and in one
     * transaction, so the list takes at most the seats that are free and every guest without one is simply not
     * added. A guest whose address an earlier one of the list has is not added either. One access log entry
     * (EDIT_REGISTRATION, the new registrations and how many) is written with them when anyone was added.
     *
     * @return one verdict per guest, in the list's order: added (with the registration's id) or why not
     * @throws RegistrationException.UnknownEvent no such event
     */
    @Transactional
    public List<Verdict> addAll(String slug, List<Guest> guests, Instant now, AccessLog.Entry by) {
        Event event = Event.lockBySlug(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        seats.settle(event, now);
        List<Long> added = new ArrayList<>();
        List<Verdict> verdicts = walk(event, guests, now, (guest, fields, seat) -> {
            long id = give(event, guest, fields, seat, now).id;
            added.add(id);
            return id;
        });
        verdicts.stream().filter(v -> !v.ok()).forEach(v -> count("refused_" + v.problem().name().toLowerCase(Locale.ROOT)));
        if (!added.isEmpty()) {
            accessLog.recordWithChange(by.forEvent(event.slug).withRegistrations(added).withCount(added.size()));
        }
        return verdicts;
    }

    /**
     * What {@link #addAll} would do with these guests now, storing nothing: the same decisions, in the same
     * order, on a detached copy of the event whose seat counters each guest ready for a seat moves as the seat
     * path would. It is a preview: seats may be taken before the list is added, and seats held for codes whose
     * deadline has passed count as held until a real run releases them, so the real run may seat fewer (never
     * more than are free).
     *
     * @throws RegistrationException.UnknownEvent no such event
     */
    @Transactional
    public List<Verdict> check(String slug, List<Guest> guests, Instant now) {
        Event event = Event.bySlugWithTypes(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        event.ticketTypes.forEach(em::detach);
        em.detach(event);
        return walk(event, guests, now, (guest, fields, seat) -> {
            Registration counted = Registration.of(event, fields.form(), null, now);
            counted.ticketType = fields.type();
            SeatPath.pretend(counted, seat, guest.confirmedNow(), now);
            return null;
        });
    }

    /** Decides each guest of a list in order; {@code seating} acts on each one who may take a seat. */
    private List<Verdict> walk(Event event, List<Guest> guests, Instant now, Seating seating) {
        List<Fields> read = new ArrayList<>(guests.size());
        List<String> people = new ArrayList<>(guests.size());
        for (Guest guest : guests) {
            SignUp form = guest.asSignUp();
            Fields fields = fields(event, form, check.codes(form));
            read.add(fields);
            people.add(fields.problems().containsKey("email") ? null : Registration.personKey(event, form.email));
        }
        Map<String, Registration> registered = Registration.activeByEmail(event,
                people.stream().filter(p -> p != null).distinct().toList());
        Map<String, Integer> first = new HashMap<>();
        List<Verdict> verdicts = new ArrayList<>(guests.size());
        for (int i = 0; i < guests.size(); i++) {
            Fields fields = read.get(i);
            String person = people.get(i);
            Integer earlier = person == null ? null : first.putIfAbsent(person, i);
            if (!fields.problems().isEmpty()) {
                verdicts.add(Verdict.invalid(fields.problems()));
            } else if (earlier != null) {
                verdicts.add(Verdict.repeats(earlier));
            } else {
                try {
                    Availability seat = seat(event, guests.get(i), fields.type(), person, registered, now);
                    Long id = seating.seat(guests.get(i), fields, seat);
                    verdicts.add(id == null ? Verdict.ready() : Verdict.added(id));
                } catch (Guest.Refused no) {
                    Registration existing = registered.get(person);
                    verdicts.add(Verdict.of(no, existing == null ? null : existing.id));
                }
            }
        }
        return verdicts;
    }

    /** The sign-up's problems ({@code codes}) and the ticket type's, in the form's order, and the type. */
    private static Fields fields(Event event, SignUp form, Map<String, String> codes) {
        Map<String, String> problems = new LinkedHashMap<>(codes);
        TicketType type = null;
        if (form.ticketType != null && !problems.containsKey("ticketType")) {
            type = event.type(form.ticketType).orElse(null);
            if (type == null) problems.put("ticketType", "invalid_choice");
        } else if (form.ticketType == null && event.hasTypes()) {
            problems.put("ticketType", "required");
        }
        return new Fields(form, ordered(problems), type);
    }

    /**
     * The seat a guest whose fields are fine may take now, as {@link Availability} answers for the guest's type.
     *
     * @param registered the event's active registrations by person, among them this guest's if any
     * @throws Guest.Refused why the guest may not take one
     */
    private static Availability seat(Event event, Guest in, TicketType type, String person, Map<String, Registration> registered,
                                     Instant now) {
        if (registered.containsKey(person)) throw new Guest.Refused(Reason.DUPLICATE, event.slug, in);
        if (!in.confirmedNow() && !now.isBefore(event.startsAt)) throw new Guest.Refused(Reason.STARTED, event.slug, in);
        Availability seat = Availability.of(event, type, Request.GUEST, now);
        if (seat.status() == Status.CLOSED) throw new Guest.Refused(Reason.CANCELLED, event.slug, in);
        if (!seat.status().givesSeat()) {
            throw new Guest.Refused(event.takesApplications() ? Reason.DRAW : Reason.NO_SEAT, event.slug, in);
        }
        return seat;
    }

    /** Takes the offered seat: CONFIRMED with the ticket, or PENDING with a hold and the confirm mail. */
    private Registration give(Event event, Guest in, Fields fields, Availability seat, Instant now) {
        Registration r = Registration.of(event, fields.form(), null, now);
        r.ticketType = fields.type();
        if (in.confirmedNow()) {
            seats.giveConfirmed(r, seat, now);
        } else {
            seats.give(r, seat, RegistrationMails.Kind.SEAT_HELD, now);
        }
        count(r.status.name());
        return r;
    }

    private void count(String status) {
        metrics.counter("eventdesk.guests", "status", status).increment();
    }

    /** The problems in the form's order (the ticket type first, as the sign-up form asks it first). */
    private static Map<String, String> ordered(Map<String, String> problems) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : SignUpCheck.FIELDS) if (problems.containsKey(field)) ordered.put(field, problems.get(field));
        return ordered;
    }
}
