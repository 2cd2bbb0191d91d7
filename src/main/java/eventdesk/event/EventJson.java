package eventdesk.event;

import eventdesk.web.Kst;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event in the JSON API (SPEC §4); times are ISO-8601 with the +09:00 offset. Beyond the SPEC's
 * fields: whether sign-ups wait for approval, when held seats are released, and the ticket types
 * with their seats ({@code seatsLeft} is what a sign-up without a code can take).
 */
public record EventJson(String slug, String title, String titleKo, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        String venue, int capacity, long seatsLeft, long waitlistCount, boolean registrationOpen,
                        EventStatus status, boolean approvalRequired, OffsetDateTime heldUntil,
                        List<TypeJson> ticketTypes) {

    public record TypeJson(String key, String name, String nameKo, int capacity, int held, boolean approvalRequired,
                           long seatsLeft, long waitlistCount) {
    }

    public static EventJson of(Event e, Instant now) {
        List<TypeJson> types = e.ticketTypes.stream().map(t -> new TypeJson(t.key, t.name, t.nameKo, t.capacity, t.held,
                t.approvalRequired, e.seatsLeft(t), t.waitlisted)).toList();
        return new EventJson(e.slug, e.title, e.titleKo, kst(e.startsAt), kst(e.endsAt), e.venue, e.capacity,
                e.seatsLeft(), e.waitlisted, e.isOpenAt(now), e.status, e.approvalRequired,
                e.heldUntil == null ? null : kst(e.heldUntil), types);
    }

    static OffsetDateTime kst(Instant instant) {
        return instant.atZone(Kst.ZONE).toOffsetDateTime();
    }
}
