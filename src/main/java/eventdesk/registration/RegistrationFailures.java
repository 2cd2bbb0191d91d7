package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.registration.RegistrationException.CapacityBelowTaken;
import eventdesk.registration.RegistrationException.Closed;
import eventdesk.registration.RegistrationException.InvalidField;
import eventdesk.registration.RegistrationException.InvalidAnswers;
import eventdesk.registration.RegistrationException.InvalidLink;
import eventdesk.registration.RegistrationException.NotApplied;
import eventdesk.registration.RegistrationException.SeatsByDraw;
import eventdesk.registration.RegistrationException.SoldOut;
import eventdesk.registration.RegistrationException.TypeInUse;
import eventdesk.web.ErrorPages;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import eventdesk.web.Problem;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Turns every {@link RegistrationException} into a page in the visitor's language, or problem+json under /api. */
public class RegistrationFailures {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    eventdesk.web.EventdeskConfig config;
    @Inject
    ConsentNotice notice;

    @ServerExceptionMapper
    public Response refused(RegistrationException e, HttpServerRequest request) {
        return ErrorPages.isApi(request) ? problem(e) : page(e);
    }

    private static Response problem(RegistrationException e) {
        if (e instanceof InvalidAnswers invalid) {
            return Problem.response(400, "Invalid sign-up", "Some answers are missing or invalid.",
                    SignUpCheck.texts(invalid.errors, MessageBundles.get(Msg.class, Localized.Literal.of("en"))));
        }
        if (e instanceof Closed closed) {
            return Problem.response(409, "Registration closed", "This event takes no sign-ups now: " + closed.closure, null);
        }
        if (e instanceof SoldOut) {
            return Problem.response(409, "Sold out", "All seats are taken and the event has no waitlist.", null);
        }
        if (e instanceof CapacityBelowTaken below) {
            return Problem.response(409, "Capacity below seats taken",
                    "The capacity cannot drop below the " + below.taken + " seats already taken.", null);
        }
        if (e instanceof InvalidField invalid) {
            String text = SignUpCheck.text(invalid, MessageBundles.get(Msg.class, Localized.Literal.of("en")),
                    MessageBundles.get(TicketMsg.class, Localized.Literal.of("en")));
            return Problem.response(400, "Invalid sign-up", "Nothing was taken: " + text, Map.of(invalid.field, text));
        }
        if (e instanceof NotApplied notApplied) {
            return Problem.response(409, "Not an application",
                    "Only registrations awaiting approval (APPLIED) can be approved or declined; this one is "
                            + notApplied.status + ".", null);
        }
        if (e instanceof SeatsByDraw) {
            return Problem.response(409, "Seats given by the draw",
                    "This is a draw event: its seats are given by the draw (and by invitation codes for held seats); "
                            + "its applications cannot be approved or declined.", null);
        }
        if (e instanceof TypeInUse inUse) {
            return Problem.response(409, "Ticket type in use",
                    "The ticket type " + inUse.key + " has registrations and cannot be removed.", null);
        }
        return Problem.response(404, "Not found", "No such event, registration or link.", null);
    }

    private Response page(RegistrationException e) {
        Msg msg = lang.msg();
        if (e instanceof InvalidAnswers invalid) {
            // The form again, with what was typed and each answer's error next to its question.
            return QuarkusTransaction.requiringNew().call(() -> Event.publicBySlug(invalid.eventSlug)
                    .map(event -> Response.status(422).type(MediaType.TEXT_HTML_TYPE).entity(lang.page(
                            SignUpResource.formPage(event, invalid.form, SignUpCheck.texts(invalid.errors, msg),
                                    lang.locale(), Instant.now(clock), config.draw().confirmWindow(), notice)).render()).build())
                    .orElseGet(() -> notFound(msg)));
        }
        String slug = e instanceof Closed closed ? closed.eventSlug : e instanceof SoldOut soldOut ? soldOut.eventSlug : null;
        if (slug != null) {
            // The event page says why it takes nobody now (closed, cancelled, sold out).
            return QuarkusTransaction.requiringNew().call(() -> Event.publicBySlug(slug)
                    .map(event -> Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(lang.page(
                            SignUpResource.formPage(event, new SignUp(), Map.of(), lang.locale(), Instant.now(clock),
                                    config.draw().confirmWindow(), notice)).render()).build())
                    .orElseGet(() -> notFound(msg)));
        }
        if (e instanceof InvalidField invalid) {
            // The form again with what was typed and the message next to the ticket type or code field.
            String text = SignUpCheck.text(invalid, msg, MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang.code())));
            return QuarkusTransaction.requiringNew().call(() -> Event.publicBySlug(invalid.eventSlug)
                    .map(event -> Response.status(422).type(MediaType.TEXT_HTML_TYPE).entity(lang.page(
                            SignUpResource.formPage(event, invalid.form, Map.of(invalid.field, text), lang.locale(),
                                    Instant.now(clock), config.draw().confirmWindow(), notice)).render()).build())
                    .orElseGet(() -> notFound(msg)));
        }
        if (e instanceof NotApplied) {
            return ErrorPages.page(409, msg.bad_request_title(), msg.bad_request_text(), lang.locale());
        }
        if (e instanceof SeatsByDraw) {
            return ErrorPages.page(409, msg.bad_request_title(),
                    MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang.code())).applications_draw(), lang.locale());
        }
        if (e instanceof TypeInUse) {
            return ErrorPages.page(409, msg.bad_request_title(),
                    MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang.code())).error_type_in_use(), lang.locale());
        }
        if (e instanceof InvalidLink link) {
            return Response.status(link.expired ? 410 : 404).type(MediaType.TEXT_HTML_TYPE)
                    .entity(lang.page(RegistrationResource.Templates.invalid(link.expired, link.eventSlug)).render()).build();
        }
        if (e instanceof CapacityBelowTaken below) {
            return ErrorPages.page(409, msg.bad_request_title(), msg.error_capacity(below.taken), lang.locale());
        }
        return notFound(msg);
    }

    private Response notFound(Msg msg) {
        return ErrorPages.page(404, msg.not_found_title(), msg.not_found_text(), lang.locale());
    }
}
