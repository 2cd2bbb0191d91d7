package eventdesk.attendee;

import eventdesk.registration.Guest;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.LinkedHashMap;
import java.util.Map;

/** The page's form for adding an attendee: read from the POST, and its refusals worded for the organizer. */
final class GuestForm {

    private GuestForm() {
    }

    /** A new form: pending, in Korean. */
    static Guest empty() {
        Guest g = new Guest();
        g.locale = "ko";
        g.confirmed = false;
        return g;
    }

    /** The person as typed; the choice "confirmed" sends {@code confirmed=true}. */
    static Guest read(MultivaluedMap<String, String> form) {
        Guest g = new Guest();
        g.name = form.getFirst("name");
        g.email = form.getFirst("email");
        g.affiliation = form.getFirst("affiliation");
        g.role = form.getFirst("role");
        g.locale = form.getFirst("locale");
        String type = form.getFirst("ticketType");
        g.ticketType = type == null || type.isBlank() ? null : type;
        g.confirmed = "true".equals(form.getFirst("confirmed"));
        return g;
    }

    /** Each field's problem in the organizer's language, by field, in form order. */
    static Map<String, String> errors(Guest.Invalid invalid, Msg msg, TicketMsg tix) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.problems.forEach((field, code) -> errors.put(field, Guest.text(field, code, msg, tix)));
        return errors;
    }

    /** Why nothing was stored although every field was fine. */
    static String refusal(Guest.Refused refused, GuestTexts texts) {
        return switch (refused.reason) {
            case NO_SEAT -> texts.refused_no_seat();
            case DUPLICATE -> texts.refused_duplicate();
            case CANCELLED -> texts.refused_cancelled();
            case DRAW -> texts.refused_draw();
            case STARTED -> texts.refused_started();
        };
    }
}
