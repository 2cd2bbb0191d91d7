package eventdesk.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventdesk.web.Kst;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An event in the JSON API (SPEC §4); times are ISO-8601 with the +09:00 offset. A draw event also
 * says when it draws, its commitment and how many applications it has (null for first come).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventJson(String slug, String title, String titleKo, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        String venue, int capacity, long seatsLeft, long waitlistCount, boolean registrationOpen,
                        EventStatus status, Event.Allocation allocation, OffsetDateTime drawAt, String drawCommitment,
                        Integer applications, OffsetDateTime drawnAt) {

    public static EventJson of(Event e, Instant now) {
        boolean draw = e.isDraw();
        return new EventJson(e.slug, e.title, e.titleKo, kst(e.startsAt), kst(e.endsAt), e.venue, e.capacity,
                e.seatsLeft(), e.waitlisted, e.isOpenAt(now), e.status, e.allocation, draw ? kst(e.drawAt) : null,
                draw ? e.drawCommitment : null, draw ? e.applied : null, draw ? kst(e.drawnAt) : null);
    }

    static OffsetDateTime kst(Instant instant) {
        return instant == null ? null : instant.atZone(Kst.ZONE).toOffsetDateTime();
    }
}
