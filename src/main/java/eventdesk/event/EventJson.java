package eventdesk.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventdesk.web.Kst;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event in the JSON API; times are ISO-8601 with the +09:00 offset. Besides the basic fields
 * (slug, titles, descriptions, venue, times, capacity, seats left, status): whether sign-ups wait for approval, when held seats are released, and the ticket types
 * with their seats ({@code seatsLeft} is what a sign-up without a code can take). A draw event also
 * says when it draws, its commitment and how many applications it has (left out for first come).
 * {@code questions} (the custom questions a sign-up answers) is in the answer for one event, not in lists.
 */
public record EventJson(String slug, String title, String titleKo, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        String venue, int capacity, long seatsLeft, long waitlistCount, boolean registrationOpen,
                        EventStatus status, boolean approvalRequired, OffsetDateTime heldUntil,
                        List<TypeJson> ticketTypes, Event.Allocation allocation,
                        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime drawAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String drawCommitment,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer applications,
                        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime drawnAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<QuestionJson> questions) {

    public record TypeJson(String key, String name, String nameKo, int capacity, int held, boolean approvalRequired,
                           long seatsLeft, long waitlistCount) {
    }

    public static EventJson of(Event e, Instant now) {
        List<TypeJson> types = e.ticketTypes.stream().map(t -> new TypeJson(t.key, t.name, t.nameKo, t.capacity, t.held,
                t.approvalRequired, e.seatsLeft(t), t.waitlisted)).toList();
        return new EventJson(e.slug, e.title, e.titleKo, Kst.offset(e.startsAt), Kst.offset(e.endsAt), e.venue, e.capacity,
                e.seatsLeft(), e.waitlisted, e.isOpenAt(now), e.status, e.approvalRequired,
                e.heldUntil == null ? null : Kst.offset(e.heldUntil), types, e.allocation, e.isDraw() ? Kst.offset(e.drawAt) : null,
                e.isDraw() ? e.drawCommitment : null, e.isDraw() ? e.applied : null, e.isDraw() ? Kst.offset(e.drawnAt) : null, null);
    }

    /** One event with the questions its form asks now. */
    public static EventJson withQuestions(Event e, Instant now) {
        EventJson j = of(e, now);
        return new EventJson(j.slug, j.title, j.titleKo, j.startsAt, j.endsAt, j.venue, j.capacity, j.seatsLeft,
                j.waitlistCount, j.registrationOpen, j.status, j.approvalRequired, j.heldUntil, j.ticketTypes, j.allocation,
                j.drawAt, j.drawCommitment, j.applications, j.drawnAt, Question.active(e).stream().map(QuestionJson::of).toList());
    }
}
