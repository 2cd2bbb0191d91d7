package eventdesk.admin;

import eventdesk.attendance.Attendance;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.question.QuestionEditor;
import eventdesk.registration.SeatEditor;
import eventdesk.web.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Creates and edits events for organizers. Nothing is saved unless the whole input passes
 * {@link EventChecks} (and its questions {@link QuestionEditor#problems}); otherwise {@link Invalid}. A
 * new capacity and the ticket types go through {@link SeatEditor#changeSeats}, under the
 * event lock: raising a capacity offers the seats to the waitlist at once, and none can drop below
 * the seats already taken. A saved event is one access log entry of its organizer, written with it.
 */
@ApplicationScoped
public class EventEditor {

    @Inject
    SeatEditor registrations;
    @Inject
    Attendance attendance;
    @Inject
    QuestionEditor questions;
    @Inject
    AccessLog accessLog;

    /**
     * The event is not saved: field → problem code. Carries the input as it was checked, whether it was
     * a new event, and the seats taken (the capacity may not drop below them), for the form shown again.
     */
    public static final class Invalid extends InvalidInput {
        public final transient EventInput input;
        public final boolean creating;
        public final long taken;

        Invalid(EventInput input, boolean creating, long taken, Map<String, String> problems) {
            super("invalid event", problems);
            this.input = input;
            this.creating = creating;
            this.taken = taken;
        }

        @Override
        protected String title() {
            return "Invalid event";
        }

        @Override
        protected String explain(String field, String code) {
            if (field.startsWith("questions")) return QuestionEditor.Invalid.text(field, code);
            if (code.startsWith("type_capacity:")) {
                return "a whole number of seats, not below the " + code.substring("type_capacity:".length())
                        + " seats of this type already taken";
            }
            return switch (code) {
                case "slug" -> "use lowercase letters, digits and hyphens";
                case "slug_taken" -> "another event uses this slug";
                case "datetime" -> "an ISO-8601 date-time with offset is required";
                case "ends_before" -> "must not be before startsAt";
                case "closes_before" -> "must be after the registration opens";
                case "capacity" -> "a whole number of seats, not below the seats already taken";
                case "type_key" -> "lowercase letters, digits and hyphens (at most 32), each key once";
                case "type_held" -> "between 0 and the type's capacity";
                case "type_in_use" -> "this ticket type has registrations and cannot be removed";
                case "types_after_signups" -> "ticket types can be added only before sign-ups start";
                case "too_many" -> "at most " + EventChecks.MAX_TYPES + " ticket types";
                case "allocation_locked" -> "the allocation is chosen before sign-ups arrive; this event has sign-ups";
                case "draw_before_open" -> "must be after registrationOpensAt";
                case "draw_after_start" -> "must not be after startsAt";
                case "closes_before_draw" -> "must not be before drawAt";
                case "drawn" -> "the draw has run; drawAt stays";
                case "confirm_window" -> "an ISO-8601 duration between PT1H and P30D";
                case "duration" -> "an ISO-8601 duration from PT0S (off) to P365D, such as P3D or PT24H";
                case "deadline" -> "needs reconfirmBefore on and must be shorter than it";
                default -> common(code);
            };
        }
    }

    private Map<String, String> problems(EventInput in, Event current, Instant now) {
        return EventChecks.problems(in, current, now, attendance.defaultReconfirmLead(), Attendance.DEFAULT_DEADLINE_BEFORE);
    }

    @Transactional
    public Event create(EventInput in, Instant now, AccessLog.Entry by) {
        Map<String, String> problems = problems(in, null, now);
        if (in.questions != null) problems.putAll(QuestionEditor.problems(in.questions, Map.of(), false));
        if (!problems.isEmpty()) throw new Invalid(in, true, 0, problems);
        Event e = new Event();
        e.slug = in.slug;
        e.capacity = in.capacity;
        e.createdAt = now;
        in.applyTo(e, now);
        e.persist();
        if (in.ticketTypes != null) registrations.changeSeats(e, in.capacity, in.drafts(), now);
        if (in.questions != null) questions.replaceAll(e, in.questions, now);
        accessLog.recordWithChange(by.forEvent(e.slug));
        return e;
    }

    /**
     * Applies {@code edit} to the event as it is under the lock (a partial change from the API
     * merges into the current values here, so concurrent edits never write back stale fields).
     * An unknown slug is a 404 ({@link NotFoundException}).
     */
    @Transactional
    public Event update(String slug, UnaryOperator<EventInput> edit, Instant now, AccessLog.Entry by) {
        Event e = Event.lockBySlug(slug).orElseThrow(NotFoundException::new);
        EventInput in = edit.apply(EventInput.of(e));
        in.slug = slug;
        Map<String, String> problems = problems(in, e, now);
        if (in.questions != null) {
            problems.putAll(QuestionEditor.problems(in.questions, QuestionEditor.stored(e), QuestionEditor.answered(e)));
        }
        if (!problems.isEmpty()) throw new Invalid(in, false, e.seatsTaken, problems);
        in.applyTo(e, now);
        if (in.questions != null) questions.replaceAll(e, in.questions, now);
        registrations.changeSeats(e, in.capacity, in.drafts(), now);
        accessLog.recordWithChange(by.forEvent(e.slug));
        return e;
    }
}
