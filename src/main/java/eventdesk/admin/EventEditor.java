package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.registration.RegistrationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Creates and edits events for organizers. A new capacity goes through
 * {@link RegistrationService#changeCapacity}, under the event lock: raising it offers the seats to
 * the waitlist at once, and it can never drop below the seats already taken.
 */
@ApplicationScoped
public class EventEditor {

    @Inject
    RegistrationService registrations;
    @Inject
    QuestionEditor questions;

    public static class Invalid extends RuntimeException {
        public final Map<String, String> problems;

        Invalid(Map<String, String> problems) {
            super("invalid event: " + problems, null, false, false);
            this.problems = problems;
        }
    }

    @Transactional
    public Event create(EventInput in, Instant now) {
        Map<String, String> problems = in.problems(null, now);
        if (in.questions != null) problems.putAll(QuestionEditor.problems(in.questions, Map.of(), false));
        if (!problems.isEmpty()) throw new Invalid(problems);
        Event e = new Event();
        e.slug = in.slug;
        e.capacity = in.capacity;
        e.createdAt = now;
        in.applyTo(e, now);
        e.persist();
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
        Map<String, String> problems = in.problems(e, now);
        if (in.questions != null) {
            problems.putAll(QuestionEditor.problems(in.questions, QuestionEditor.stored(e), QuestionEditor.answered(e)));
        }
        if (!problems.isEmpty()) throw new Invalid(problems);
        in.applyTo(e, now);
        if (in.questions != null) questions.replaceAll(e, in.questions, now);
        registrations.changeCapacity(e, in.capacity, now);
        return e;
    }
}
