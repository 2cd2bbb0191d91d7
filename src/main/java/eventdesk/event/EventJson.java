package eventdesk.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventdesk.web.Kst;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event in the JSON API (SPEC §4); times are ISO-8601 with the +09:00 offset. {@code questions}
 * (the custom questions a sign-up answers) is in the answer for one event, not in lists.
 */
public record EventJson(String slug, String title, String titleKo, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        String venue, int capacity, long seatsLeft, long waitlistCount, boolean registrationOpen,
                        EventStatus status, @JsonInclude(JsonInclude.Include.NON_NULL) List<QuestionJson> questions) {

    public static EventJson of(Event e, Instant now) {
        return new EventJson(e.slug, e.title, e.titleKo, kst(e.startsAt), kst(e.endsAt), e.venue, e.capacity,
                e.seatsLeft(), e.waitlisted, e.isOpenAt(now), e.status, null);
    }

    /** One event with the questions its form asks now. */
    public static EventJson withQuestions(Event e, Instant now) {
        return new EventJson(e.slug, e.title, e.titleKo, kst(e.startsAt), kst(e.endsAt), e.venue, e.capacity,
                e.seatsLeft(), e.waitlisted, e.isOpenAt(now), e.status, Question.active(e).stream().map(QuestionJson::of).toList());
    }

    static OffsetDateTime kst(Instant instant) {
        return instant.atZone(Kst.ZONE).toOffsetDateTime();
    }
}
