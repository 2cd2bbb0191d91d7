package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.team.Account;
import eventdesk.team.BootstrapOwner;
import eventdesk.team.SecondFactor;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Secrets;
import eventdesk.web.TrustedProxies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing in as an organizer account: form login with email and password, then (when the account
 * has an authenticator, or {@code eventdesk.admin.require-2fa} is on) a second step with a code, both
 * posted to {@value #FORM_LOGIN}; and HTTP Basic for the bootstrap owner alone, while
 * {@code eventdesk.admin.basic-auth} is on. Every attempt first passes {@link SignInGuard} (per
 * client address, as {@link TrustedProxies} sees it, and per account) before a password or code is
 * looked at. A password costs one bcrypt check whether the email is an account or not, and right and
 * wrong answers take the same path, so the answer's timing tells nothing. A limited attempt gets 429
 * with Retry-After (HTTP Basic), or the login page saying when to try again (form).
 * <p>After the password, the browser gets a challenge cookie and the code page ({@link SecondFactorResource});
 * its form posts the code with the user name {@value #SECOND_FACTOR}. Sign-ins and failed attempts go
 * to the access log (HTTP Basic's successes do not: each script request would be one).
 */
@ApplicationScoped
public class OrganizerIdentity implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Set on a request whose sign-in attempt was refused by the limit: the epoch second it may try again. */
    static final String LIMITED = "eventdesk.sign-in-limited";
    static final String FORM_LOGIN = "/j_security_check";
    /** The user name the code page posts; the challenge cookie says whose sign-in it completes. */
    static final String SECOND_FACTOR = "#second-factor";
    static final String CHALLENGE_COOKIE = "eventdesk-sign-in";
    /** Request attributes the answer is shaped by: a challenge opened, a wrong code, a challenge closed, a key enrolled. */
    static final String OPENED = "eventdesk.challenge-opened", WRONG_CODE = "eventdesk.wrong-code",
            CLOSED = "eventdesk.challenge-closed", ENROLLED = "eventdesk.enrolled";
    /** How long a password that passed bcrypt is taken again without it (HTTP Basic sends it with every request). */
    static final Duration REMEMBER_PASSWORD = Duration.ofMinutes(5);

    @Inject
    EventdeskConfig config;
    @Inject
    TrustedProxies proxies;
    @Inject
    SignInGuard guard;
    @Inject
    SignInLockMail lockMail;
    @Inject
    BootstrapOwner owner;
    @Inject
    SecondFactor secondFactor;
    @Inject
    OrganizerSession sessions;
    @Inject
    AccessLog accessLog;
    @Inject
    Clock clock;

    /** Digests of (account, password hash, password) that passed bcrypt, until when they may skip it. */
    private final Map<String, Instant> passed = new ConcurrentHashMap<>();

    /** Who tries, from where, and how. */
    record Attempt(String name, String secret, RoutingContext http, String bucket, String address, boolean form) {
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Attempt attempt = new Attempt(request.getUsername(), new String(request.getPassword().getPassword()), http,
                http == null ? "unknown" : proxies.clientBucket(http.request()),
                http == null ? "unknown" : proxies.clientAddress(http.request()),
                http != null && FORM_LOGIN.equals(http.request().path()));
        boolean code = attempt.form() && SECOND_FACTOR.equals(attempt.name());
        return context.runBlocking(() -> code ? secondStep(attempt) : password(attempt));
    }

    private SecurityIdentity password(Attempt a) {
        String email = owner.accountEmail(a.name());
        boolean mayTry = a.form() || (config.admin().basicAuth() && owner.email().map(email::equals).orElse(false));
        Account account = mayTry ? QuarkusTransaction.requiringNew().call(() -> Account.byEmail(email).orElse(null)) : null;
        SignInGuard.Attempt counted = admit(a, account);
        boolean right = account == null ? Account.noAccountChecks(a.secret()) : passwordMatches(account, a.secret());
        if (!right || !account.active()) throw failed(a, counted, account);
        guard.succeeded(counted);
        if (!a.form()) return OrganizerSession.identity(account.email, account.access());
        if (account.twoFactor() || config.admin().requireTwoFactor()) {
            String challenge = QuarkusTransaction.requiringNew().call(() ->
                    SignInChallenge.open(account, !account.twoFactor(), Instant.now(clock)));
            a.http().put(OPENED, challenge);
            throw new AuthenticationFailedException();
        }
        return signedIn(a, account);
    }

    private SecurityIdentity secondStep(Attempt a) {
        Cookie cookie = a.http().request().getCookie(CHALLENGE_COOKIE);
        String secret = cookie == null ? null : cookie.getValue();
        Instant now = Instant.now(clock);
        SignInChallenge challenge = QuarkusTransaction.requiringNew().call(() -> SignInChallenge.live(secret, now).orElse(null));
        if (challenge == null) {
            a.http().put(CLOSED, true);
            throw new AuthenticationFailedException();
        }
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(challenge.accountId));
        SignInGuard.Attempt counted = admit(a, account);
        boolean enrolling = challenge.enrollSecret != null;
        boolean right = account != null && account.active() && (enrolling
                ? secondFactor.enroll(account.id, challenge.enrollSecret, a.secret(), now)
                : secondFactor.check(account.id, a.secret(), now));
        if (!right) {
            QuarkusTransaction.requiringNew().run(() -> SignInChallenge.failed(secret));
            a.http().put(WRONG_CODE, true);
            throw failed(a, counted, account);
        }
        guard.succeeded(counted);
        QuarkusTransaction.requiringNew().run(() -> SignInChallenge.close(secret));
        a.http().put(CLOSED, true);
        if (enrolling) a.http().put(ENROLLED, true);
        return signedIn(a, account);
    }

    /** Counts the attempt, or refuses it (whether its password is right or not) while over a limit. */
    private SignInGuard.Attempt admit(Attempt a, Account account) {
        SignInGuard.Admission admission = guard.admit(a.bucket(), account == null ? null : account.email);
        if (!admission.refused()) return admission.attempt();
        if (a.http() != null) a.http().put(LIMITED, admission.retryAt().getEpochSecond());
        throw new AuthenticationFailedException();
    }

    private boolean passwordMatches(Account account, String password) {
        Instant now = Instant.now(clock);
        String key = Secrets.sha256Hex(account.id + "\n" + account.passwordHash + "\n" + password);
        Instant until = passed.get(key);
        if (until != null && now.isBefore(until)) return true;
        if (!account.passwordMatches(password)) return false;
        if (passed.size() > 1000) passed.clear();
        passed.put(key, now.plus(REMEMBER_PASSWORD));
        return true;
    }

    private SecurityIdentity signedIn(Attempt a, Account account) {
        Instant now = Instant.now(clock);
        String principal = QuarkusTransaction.requiringNew().call(() -> {
            Account.update("lastSignInAt = ?1 where id = ?2", now, account.id);
            return sessions.start(account, now);
        });
        accessLog.record(AccessLog.Entry.of(account.email, a.address(), AccessAction.SIGN_IN));
        return OrganizerSession.identity(principal, account.access());
    }

    /** Settles a failed attempt: the access log, and the owner's mail when it locked the account. */
    private AuthenticationFailedException failed(Attempt a, SignInGuard.Attempt counted, Account account) {
        accessLog.record(AccessLog.Entry.of(account == null ? null : account.email, a.address(), AccessAction.SIGN_IN_FAILED)
                .because(account == null ? "unknown account, or not one that may sign in this way" : a.name().equals(SECOND_FACTOR) ? "wrong code" : "wrong password"));
        if (guard.failed(counted)) {
            Instant until = guard.lockedUntil(account.email).orElse(Instant.now(clock));
            lockMail.send(account.email, a.address(), SignInGuard.PER_ACCOUNT, until);
        }
        return new AuthenticationFailedException();
    }

    /**
     * Shapes the answer to a sign-in attempt. HTTP Basic over the limit gets 429 with Retry-After instead
     * of 401 (and no challenge, so a browser does not ask again at once); the form goes back to the login
     * page, which says when to try again. A right password that needs a code goes to the code page with
     * the challenge cookie; a wrong code back to it; a finished (or dead) challenge loses its cookie, and a
     * sign-in that just set up its authenticator goes on to make recovery codes.
     */
    void shapeSignInAnswers(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            boolean form = FORM_LOGIN.equals(ctx.request().path());
            if (form || ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)) ctx.addHeadersEndHandler(v -> {
                Long retryAt = ctx.get(LIMITED);
                boolean redirect = ctx.response().getStatusCode() == 302;
                if (retryAt != null) {
                    long seconds = Math.max(1, retryAt - Instant.now(clock).getEpochSecond());
                    if (form && redirect) {
                        ctx.response().putHeader(HttpHeaders.LOCATION, "/admin/login?limited=" + minutes(seconds));
                    } else if (ctx.response().getStatusCode() == 401) {
                        ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds));
                        ctx.response().headers().remove("WWW-Authenticate");
                    }
                    return;
                }
                if (!form || !redirect) return;
                String opened = ctx.get(OPENED);
                if (opened != null) {
                    ctx.response().addCookie(challengeCookie(ctx, opened, SignInChallenge.VALID));
                    ctx.response().putHeader(HttpHeaders.LOCATION, SecondFactorResource.CODE_PAGE);
                } else if (ctx.get(WRONG_CODE) != null) {
                    ctx.response().putHeader(HttpHeaders.LOCATION, SecondFactorResource.CODE_PAGE + "?error=true");
                } else if (ctx.get(CLOSED) != null) {
                    ctx.response().addCookie(challengeCookie(ctx, "", Duration.ZERO));
                    if (ctx.get(ENROLLED) != null) ctx.response().putHeader(HttpHeaders.LOCATION, RecoveryCodesResource.PAGE);
                }
            });
            ctx.next();
        });
    }

    static Cookie challengeCookie(RoutingContext ctx, String value, Duration life) {
        boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().scheme());
        return Cookie.cookie(CHALLENGE_COOKIE, value).setPath("/").setHttpOnly(true).setSecure(https)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(life.toSeconds());
    }

    static long minutes(long seconds) {
        return Math.max(1, Duration.ofSeconds(seconds).plusSeconds(59).toMinutes());
    }
}
