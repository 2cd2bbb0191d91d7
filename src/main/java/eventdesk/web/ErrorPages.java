package eventdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Every failure becomes a page in the visitor's language, or problem+json under /api: 404, 429,
 * other 4xx, and a 500 with an error id that is also in the log. No stack trace reaches a user.
 */
public class ErrorPages {

    @Inject
    Lang lang;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance message(String title, String text);

        public static native TemplateInstance forbidden(String title, String text);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        if (isApi(request)) return Problem.response(404, "Not found", "No such event or resource.", null);
        return page(404, msg().not_found_title(), msg().not_found_text());
    }

    /** A role or an event that is not the organizer's: nothing was changed. */
    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e, HttpServerRequest request) {
        return forbidden(isApi(request), lang);
    }

    /** The 403 answer for an organizer whose role or events do not include what was asked. */
    public static Response forbidden(boolean api, Lang lang) {
        if (api) {
            return Problem.response(403, "Forbidden", "Your role does not include this action, or this event is not one of yours. Nothing was changed.", null);
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(Templates.forbidden(lang.msg().forbidden_title(),
                lang.msg().forbidden_text()).setLocale(lang.locale()).render()).build();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e, HttpServerRequest request) {
        Response r = isApi(request)
                ? Problem.response(429, "Too many sign-ups", "Too many sign-ups from this client address or for this "
                        + "email address. Try again in " + e.retryAfterSeconds + (e.retryAfterSeconds == 1 ? " second." : " seconds."), null)
                : page(429, msg().rate_limited_title(), msg().rate_limited_text((e.retryAfterSeconds + 59) / 60));
        return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds).build();
    }

    @ServerExceptionMapper
    public Response busy(Busy e, HttpServerRequest request) {
        Response r = isApi(request)
                ? Problem.response(503, "Busy", "The server is too busy to take this sign-up now (" + e.getMessage()
                        + "). Nothing was saved. Try again in " + e.retryAfterSeconds + (e.retryAfterSeconds == 1 ? " second." : " seconds."), null)
                : page(503, msg().busy_title(), msg().busy_text(e.retryAfterSeconds));
        return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds).build();
    }

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) return unexpected(e, request);
        if (isApi(request)) {
            return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(),
                    "The request could not be read; check the body, its JSON and its content type.", null);
        }
        return page(status, msg().bad_request_title(), msg().bad_request_text());
    }

    /** Unreadable JSON, or JSON of the wrong shape. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " at field '" + m.getPath().get(0).getFieldName() + "'" : "";
        return Problem.response(400, "Unreadable request", "The body is not the JSON this endpoint expects" + where + ".", null);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (clientWentAway(e)) {
            // A visitor who gave up (closed the connection) is not an error of ours; nobody reads this answer.
            Log.debugf("Client closed the connection during %s %s", request.method(), request.path());
            return Response.status(400).build();
        }
        if (answeredTooLarge(e, request)) {
            // The body reader already answered 413 (a body without a length that grew past the limit).
            Log.debugf("Body over the limit on %s %s", request.method(), request.path());
            return Response.status(413).build();
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "Unexpected error %s on %s %s", id, request.method(), request.path());
        if (isApi(request)) return Problem.response(500, "Internal error", "Error id " + id, null);
        return page(500, msg().error_title(), msg().error_text(id));
    }

    /** Bare 4xx answers from filters (CSRF, method, media type) get a readable page too. */
    @ServerResponseFilter
    public void bareErrors(ContainerResponseContext response, HttpServerRequest request) {
        int status = response.getStatus();
        if (status >= 400 && status < 500 && response.getEntity() == null && !isApi(request)
                && !request.path().startsWith("/q/") && status != 401) {
            response.setEntity(page(status, msg().bad_request_title(), msg().bad_request_text()).getEntity(),
                    null, MediaType.TEXT_HTML_TYPE);
        }
    }

    private Response page(int status, String title, String text) {
        return page(status, title, text, lang.locale());
    }

    /** A plain message page (title and text) with this status, for any feature's failure mapper. */
    public static Response page(int status, String title, String text, java.util.Locale locale) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.message(title, text).setLocale(locale).render()).build();
    }

    private Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(lang.code()));
    }

    static boolean answeredTooLarge(Throwable e, HttpServerRequest request) {
        return e instanceof java.io.IOException && "Request too large".equals(e.getMessage()) && request.response().ended();
    }

    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isApi(HttpServerRequest request) {
        return request.path().startsWith("/api/");
    }
}
