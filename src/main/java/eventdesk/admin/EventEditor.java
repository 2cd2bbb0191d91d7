package eventdesk.admin;

import eventdesk.attendance.Attendance;
import eventdesk.event.Event;
import eventdesk.registration.SeatEditor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Creates and edits events for organizers. A new capacity and the ticket types go through
 * {@link SeatEditor#changeSeats}, under the event lock: raising a capacity offers the seats
 * to the waitlist at once, and none can drop below the seats already taken.
 */
@ApplicationScoped
public class EventEditor {

    @Inject
    SeatEditor seats;
    @Inject
    Attendance attendance;
    @Inject
    QuestionEditor questions;

    public static class Invalid extends RuntimeException {
        public final Map<String, String> problems;

        Invalid(Map<String, String> problems) {
            super("invalid event: " + problems, null, false, false);
            this.problems = problems;
        }
    }

    private Map<String, String> problems(EventInput in, Event current, Instant now) {
        Map<String, String> problems = in.problems(current, now);
        in.attendanceProblems(attendance.defaultReconfirmLead(), Attendance.DEFAULT_DEADLINE_BEFORE)
                .forEach(problems::putIfAbsent);
        return problems;
    }

    @Transactional
    public Event create(EventInput in, Instant now) {
        Map<String, String> problems = problems(in, null, now);
        if (in.questions != null) problems.putAll(QuestionEditor.problems(in.questions, Map.of(), false));
        if (!problems.isEmpty()) throw new Invalid(problems);
        Event e = new Event();
        e.slug = in.slug;
        e.capacity = in.capacity;
        e.createdAt = now;
        in.applyTo(e, now);
        e.persist();
        if (in.ticketTypes != null) seats.changeSeats(e, in.capacity, in.drafts(), now);
        if (in.questions != null) questions.replaceAll(e, in.questions, now);
        return e;
    }

    /**
     * Applies {@code edit} to the event as it is under the lock (a partial change from the API
     * merges into the current values here, so concurrent edits never write back stale fields).
     * An unknown slug is a 404 ({@link NotFoundException}).
     */
    @Transactional
    public Event update(String slug, UnaryOperator<EventInput> edit, Instant now) {
        Event e = Event.lockBySlug(slug).orElse(null);
        if (e == null) throw new NotFoundException();
        EventInput in = edit.apply(EventInput.of(e));
        in.slug = slug;
        Map<String, String> problems = problems(in, e, now);
        if (in.questions != null) {
            problems.putAll(QuestionEditor.problems(in.questions, QuestionEditor.stored(e), QuestionEditor.answered(e)));
        }
        if (!problems.isEmpty()) throw new Invalid(problems);
        in.applyTo(e, now);
        if (in.questions != null) questions.replaceAll(e, in.questions, now);
        seats.changeSeats(e, in.capacity, in.drafts(), now);
        return e;
    }
}
