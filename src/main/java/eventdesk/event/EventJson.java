package eventdesk.event;

import eventdesk.web.Kst;

import java.time.Instant;
import java.time.OffsetDateTime;

/** An event in the JSON API (SPEC §4); times are ISO-8601 with the +09:00 offset. */
public record EventJson(String slug, String title, String titleKo, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        String venue, int capacity, long seatsLeft, long waitlistCount, boolean registrationOpen,
                        EventStatus status) {

    public static EventJson of(Event e, Instant now) {
        return new EventJson(e.slug, e.title, e.titleKo, kst(e.startsAt), kst(e.endsAt), e.venue, e.capacity,
                e.seatsLeft(), e.waitlisted, e.isOpenAt(now), e.status);
    }

    static OffsetDateTime kst(Instant instant) {
        return instant.atZone(Kst.ZONE).toOffsetDateTime();
    }
}
