package eventdesk.admin;

import eventdesk.registration.Registration;
import eventdesk.team.Access;
import eventdesk.team.BeforeSignIn;
import eventdesk.team.Needs;
import eventdesk.web.ErrorPages;
import eventdesk.web.Lang;
import eventdesk.web.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The one place where an organizer route's role rule is enforced. Each route under {@code /admin} and
 * {@code /api/admin} declares the role it needs ({@link Needs}) or that it comes before sign-in
 * ({@link BeforeSignIn}); this filter runs before the route, its form or body is read, and before the CSRF
 * check, and refuses with 403 (a page in the organizer's language, or problem+json under /api) when the
 * caller's role does not include the needed one or the route's event is not one of the caller's. A route
 * with no declaration is refused to everybody. Who the caller is (the sign-in cookie, HTTP Basic or an API
 * token) was settled before: an anonymous request never gets here (it is sent to sign in, or answered 401).
 */
public class RouteGuard {

    @Inject
    SecurityIdentity identity;
    @Inject
    Lang lang;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo route) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (!organizer(path)) return Optional.empty();
        Method method = route.getResourceMethod();
        Class<?> type = route.getResourceClass();
        if (method == null || declared(method, type, BeforeSignIn.class) != null) return Optional.empty();
        Needs needs = declared(method, type, Needs.class);
        Access access = identity.isAnonymous() ? null : identity.getAttribute(Access.ATTRIBUTE);
        if (needs != null && access != null && allowed(needs, access, request)) return Optional.empty();
        return Optional.of(refusal(path, needs, access));
    }

    /** Whether the path is an organizer route's: the pages under /admin and the API under /api/admin. */
    static boolean organizer(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/api/admin") || path.startsWith("/api/admin/");
    }

    /** The declaration on the method, else on its class. */
    static <A extends java.lang.annotation.Annotation> A declared(Method method, Class<?> type, Class<A> annotation) {
        A onMethod = method.getAnnotation(annotation);
        return onMethod != null ? onMethod : type.getAnnotation(annotation);
    }

    private boolean allowed(Needs needs, Access access, ContainerRequestContext request) {
        return switch (needs.event()) {
            case SLUG -> access.may(needs.value(), request.getUriInfo().getPathParameters().getFirst("slug"));
            case REGISTRATION -> access.may(needs.value(), eventOfRegistration(request.getUriInfo().getPathParameters().getFirst("id")));
            case NEW -> access.may(needs.value(), null) && access.allEvents();
            case NONE -> access.may(needs.value(), null);
        };
    }

    /**
     * The slug of the registration's event; null when there is no such registration (the route then answers
     * 404 to whoever has the role).
     */
    private static String eventOfRegistration(String id) {
        if (id == null || !id.matches("\\d{1,18}")) return null;
        return QuarkusTransaction.joiningExisting().call(() -> Registration.<Registration>findByIdOptional(Long.parseLong(id))
                .map(r -> r.event.slug).orElse(null));
    }

    private Response refusal(String path, Needs needs, Access access) {
        if (path.startsWith("/api/") && needs != null && access != null) {
            String yours = access.role() + (access.allEvents() ? " for every event" : " for the events " + String.join(", ", new java.util.TreeSet<>(access.events())));
            return Problem.response(403, "Forbidden", "This needs the " + needs.value() + " role" + switch (needs.event()) {
                case SLUG, REGISTRATION -> " for this event";
                case NEW -> " for every event";
                case NONE -> "";
            } + "; yours is " + yours + ". Nothing was changed.", null);
        }
        return ErrorPages.forbidden(path.startsWith("/api/"), lang);
    }
}
