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

    /**
     * What became, or would become, of one person of a list the organizer imports: added (or ready to be) when
     * {@link #problem} is null, else why not. {@link #fields} names each field's problem code for
     * {@link Problem#INVALID}; {@link #sameAs} is the index of the earlier person with the same address for
     * {@link Problem#REPEATED}; {@link #registration} is the new registration's id once seated, or the existing
     * one's for {@link Problem#REGISTERED}.
     */
    public record Verdict(Problem problem, Map<String, String> fields, int sameAs, Long registration) {

        public enum Problem {
            /** A field cannot be used ({@link #fields}). */
            INVALID,
            /** An earlier person of the list has the same address. */
            REPEATED,
            /** The address already has an active registration for the event. */
            REGISTERED,
            /** The address already has a personal invitation code for the event, unused and not expired. */
            HAS_CODE,
            /** No public seat is left (of the type) for this person, after the ones before them in the list. */
            NO_SEAT,
            /** The event is cancelled. */
            CANCELLED,
            /** A draw event before its draw: its seats are given by the draw. */
            DRAW,
            /** The event has started, so only confirmed guests can be added. */
            STARTED
        }

        public boolean ok() {
            return problem == null;
        }

        static Verdict ready() {
            return new Verdict(null, Map.of(), -1, null);
        }

        static Verdict added(long registration) {
            return new Verdict(null, Map.of(), -1, registration);
        }

        static Verdict invalid(Map<String, String> fields) {
            return new Verdict(Problem.INVALID, Map.copyOf(fields), -1, null);
        }

        static Verdict repeats(int earlier) {
            return new Verdict(Problem.REPEATED, Map.of(), earlier, null);
        }

        static Verdict registered(Long existing) {
            return new Verdict(Problem.REGISTERED, Map.of(), -1, existing);
        }

        static Verdict of(Problem problem) {
            return new Verdict(problem, Map.of(), -1, null);
        }

        /** A single guest's refusal as one person's verdict. */
        static Verdict of(Refused refused, Long existing) {
            return switch (refused.reason) {
                case DUPLICATE -> registered(existing);
                case NO_SEAT -> of(Problem.NO_SEAT);
                case CANCELLED -> of(Problem.CANCELLED);
                case DRAW -> of(Problem.DRAW);
                case STARTED -> of(Problem.STARTED);
            };
        }
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
