package eventdesk.event;

import eventdesk.web.Kst;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An event as a visitor sees it now: texts in their language, times in KST, seats from the event's
 * counters; its ticket types with the seats each has left, seats held for invitation codes, and
 * whether sign-ups wait for approval; {@code draw} only for a draw event.
 */
public record EventView(String slug, String title, String description, String venue, String address,
                        String when, String opensAt, long capacity, long seatsLeft, long waitlistCount,
                        State state, List<TypeView> types, long heldOpen, boolean approvalRequired, DrawView draw) {

    /** One ticket type as the form offers it: public seats left, its waitlist, and whether it needs approval. */
    public record TypeView(String key, String name, long seatsLeft, long waitlistCount, State state,
                           boolean approvalRequired) {
    }

    /** Whether the page shows the sign-up form: open, or sold out to the public with seats held for codes. */
    public boolean showsForm() {
        return state.takesSignUps() || state == State.SOLD_OUT && heldOpen > 0;
    }

    /** Every sign-up (of every type) waits for approval. */
    public boolean allApply() {
        return approvalRequired || !types.isEmpty() && types.stream().allMatch(TypeView::approvalRequired);
    }

    public enum State {
        OPEN, WAITLIST, SOLD_OUT, NOT_YET_OPEN, CLOSED, CANCELLED,
        /** A draw event taking applications. */
        APPLY,
        /** A draw event whose application window ended; the draw runs (or ran a moment ago). */
        DRAW_UNDER_WAY;

        public String css() {
            return switch (this) {
                case OPEN, APPLY -> "open";
                case WAITLIST -> "waitlist";
                default -> "closed";
            };
        }

        public boolean takesSignUps() {
            return this == OPEN || this == WAITLIST || this == APPLY;
        }
    }

    /** What a draw event's page says about the draw; the seed only after it ran. */
    public record DrawView(String drawAt, String commitment, long applications, long confirmHours, boolean drawn,
                           String drawnAt, boolean lateWaitlist) {
    }

    /** @param defaultConfirmWindow eventdesk.draw.confirm-window, for draw events without their own */
    public static EventView of(Event e, Locale locale, Instant now, Duration defaultConfirmWindow) {
        DrawView draw = !e.isDraw() ? null : new DrawView(Kst.dateTime(e.drawAt, locale), e.drawCommitment, e.applied,
                e.confirmWindow(defaultConfirmWindow).toHours(), e.drawnAt != null, Kst.dateTime(e.drawnAt, locale),
                e.lateApplications == Event.LateApplications.WAITLIST);
        State state = state(e, now);
        List<TypeView> types = e.ticketTypes.stream().map(t -> {
            boolean free = e.seatsLeft(t) > 0;
            State typeState = !state.takesSignUps() && state != State.SOLD_OUT ? state
                    : free ? State.OPEN : e.waitlistEnabled ? State.WAITLIST : State.SOLD_OUT;
            return new TypeView(t.key, t.name(locale), e.seatsLeft(t),
                    t.waitlisted, typeState, e.approvalRequired || t.approvalRequired);
        }).toList();
        return new EventView(e.slug, e.title(locale), e.description(locale), e.venue, e.address,
                Kst.range(e.startsAt, e.endsAt, locale), Kst.dateTime(e.registrationOpensAt, locale),
                e.capacity, e.seatsLeft(), e.waitlisted, state, types, e.heldOpen(), e.approvalRequired, draw);
    }

    static State state(Event e, Instant now) {
        return e.closureAt(now).map(c -> switch (c) {
            case CANCELLED -> State.CANCELLED;
            case NOT_YET_OPEN -> State.NOT_YET_OPEN;
            case DRAW_UNDER_WAY -> State.DRAW_UNDER_WAY;
            default -> State.CLOSED;
        }).orElse(e.takesApplications() ? State.APPLY
                : e.hasFreeSeat() ? State.OPEN : e.waitlistEnabled || e.isDraw() ? State.WAITLIST : State.SOLD_OUT);
    }
}
