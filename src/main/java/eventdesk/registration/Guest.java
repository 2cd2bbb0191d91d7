package eventdesk.registration;

import eventdesk.web.InvalidInput;
import eventdesk.web.Msg;
import eventdesk.web.Problem;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A person the organizer adds by hand (a speaker, a sponsor's staff, a walk-in), from the attendee page's
 * form or the admin API: a sign-up's fields without consent boxes or answers, and whether the person is
 * confirmed at once. Its fields are checked as a sign-up's are ({@link SignUpCheck}); {@link GuestService}
 * adds it.
 */
public class Guest {

    public String name;
    public String email;
    public String affiliation;
    @Schema(description = "FOUNDER, DEVELOPER, INVESTOR, STUDENT or OTHER")
    public String role;
    @Schema(description = "ko (default) or en: the language of the person's mails")
    public String locale;
    @Schema(description = "The key of a ticket type; required where the event has types")
    public String ticketType;
    @Schema(description = "true: CONFIRMED at once and the ticket is mailed; false (default): PENDING with a hold and the"
            + " mail with the confirm link, as a sign-up")
    public Boolean confirmed;

    /** Whether the person is added as attending (CONFIRMED with the ticket) rather than PENDING. */
    public boolean confirmedNow() {
        return Boolean.TRUE.equals(confirmed);
    }

    /**
     * The same person as a sign-up, for the sign-up's checks and its registration. The organizer who adds
     * someone answers for having their agreement: no notice was shown, so no consent version is kept.
     */
    SignUp asSignUp() {
        SignUp s = new SignUp();
        s.name = name;
        s.email = email;
        s.affiliation = affiliation;
        s.role = role;
        s.locale = locale == null || locale.isBlank() ? null : locale.strip();
        s.ticketType = ticketType;
        s.consent = true;
        return s;
    }

    /** One field's problem worded for a person, in the language of {@code msg} and {@code tix}. */
    public static String text(String field, String code, Msg msg, TicketMsg tix) {
        if (field.equals("ticketType") && code.equals("required")) return tix.error_type_required();
        return SignUpCheck.text(msg, code);
    }

    /** Fields the guest cannot be added with: field name to problem code; nothing was stored. */
    public static final class Invalid extends InvalidInput {
        public final String slug;
        public final transient Guest typed;

        Invalid(String slug, Guest typed, Map<String, String> problems) {
            super("invalid guest", problems);
            this.slug = slug;
            this.typed = typed;
        }

        @Override
        protected String title() {
            return "Invalid attendee";
        }

        @Override
        protected String explain(String field, String code) {
            return text(field, code, MessageBundles.get(Msg.class, Localized.Literal.of("en")),
                    MessageBundles.get(TicketMsg.class, Localized.Literal.of("en")));
        }
    }

    /** Why a guest whose fields are fine was not added: 409, nothing stored. */
    public static final class Refused extends InvalidInput {

        public enum Reason {
            /** No public seat is free (of the ticket type): never over capacity. */
            NO_SEAT,
            /** The address already has an active registration for the event. */
            DUPLICATE,
            /** The event is cancelled. */
            CANCELLED,
            /** A draw event before its draw: its public seats are given by the draw alone. */
            DRAW,
            /** The event has started: a hold would end at once, so only a confirmed guest can be added. */
            STARTED
        }

        public final Reason reason;
        public final String slug;
        public final transient Guest typed;

        Refused(Reason reason, String slug, Guest typed) {
            super("guest refused: " + reason, Map.of());
            this.reason = reason;
            this.slug = slug;
            this.typed = typed;
        }

        @Override
        protected String title() {
            return switch (reason) {
                case NO_SEAT -> "No seat left";
                case DUPLICATE -> "Already registered";
                case CANCELLED -> "Event cancelled";
                case DRAW -> "Seats given by the draw";
                case STARTED -> "Event started";
            };
        }

        /** What the API says, in English. */
        String detail() {
            return switch (reason) {
                case NO_SEAT -> "No seat is left (of this ticket type): nothing was stored. Raise the capacity first to add someone.";
                case DUPLICATE -> "This email address already has an active registration for this event: nothing was stored.";
                case CANCELLED -> "The event is cancelled and takes nobody: nothing was stored.";
                case DRAW -> "This is a draw event before its draw: its seats are given by the draw (and by invitation codes"
                        + " for held seats). Nothing was stored.";
                case STARTED -> "The event has started, so a confirm link would expire at once: add the person as confirmed."
                        + " Nothing was stored.";
            };
        }

        @Override
        public Response problem() {
            return Problem.response(409, title(), detail(), null);
        }

        @Override
        public int pageStatus() {
            return 409;
        }
    }
}
