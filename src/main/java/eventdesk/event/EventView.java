package eventdesk.event;

import eventdesk.web.Kst;

import java.time.Instant;
import java.util.Locale;

/** An event as a visitor sees it now: texts in their language, times in KST, seats from the event's counters. */
public record EventView(String slug, String title, String description, String venue, String address,
                        String when, String opensAt, long capacity, long seatsLeft, long waitlistCount,
                        State state) {

    public enum State {
        OPEN, WAITLIST, SOLD_OUT, NOT_YET_OPEN, CLOSED, CANCELLED;

        public String css() {
            return switch (this) {
                case OPEN -> "open";
                case WAITLIST -> "waitlist";
                default -> "closed";
            };
        }

        public boolean takesSignUps() {
            return this == OPEN || this == WAITLIST;
        }
    }

    public static EventView of(Event e, Locale locale, Instant now) {
        return new EventView(e.slug, e.title(locale), e.description(locale), e.venue, e.address,
                Kst.range(e.startsAt, e.endsAt, locale), Kst.dateTime(e.registrationOpensAt, locale),
                e.capacity, e.seatsLeft(), e.waitlisted, state(e, now));
    }

    static State state(Event e, Instant now) {
        return e.closureAt(now).map(c -> switch (c) {
            case CANCELLED -> State.CANCELLED;
            case NOT_YET_OPEN -> State.NOT_YET_OPEN;
            default -> State.CLOSED;
        }).orElse(e.hasFreeSeat() ? State.OPEN : e.waitlistEnabled ? State.WAITLIST : State.SOLD_OUT);
    }
}
