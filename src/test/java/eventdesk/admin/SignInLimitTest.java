package eventdesk.admin;

import eventdesk.mail.MailRenderer;
import eventdesk.team.Account;
import eventdesk.team.Totp;
import eventdesk.mail.OutboxMessage;
import eventdesk.testing.BehindTrustedProxy;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Guessing the organizer password: guesses are limited per client address and per account however
 * many run at once, a limited guess is refused whether it is right or not, a right and a wrong password
 * are answered alike, and 20 failures lock the account for 15 minutes and mail its owner. Runs behind the
 * trusted test proxy, so each test's client is the address it puts in X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(BehindTrustedProxy.class)
class SignInLimitTest extends RestoresTestClock {

    @Inject
    SignInGuard guard;
    @Inject
    SignInLockMail lockMail;

    @BeforeEach
    @AfterEach
    void noCountsFromOtherTests() {
        guard.forget();
    }

    static Response basic(String client, String password) {
        return given().auth().preemptive().basic("admin", password).header("X-Forwarded-For", client)
                .redirects().follow(false).get("/admin");
    }

    /**
     * The first owner signed in by the form and the code of an authenticator app (required here, as in
     * production); the app is taken off the account again, so that other tests find it as it was.
     */
    static String ownerSignedInWithApp(String client) {
        String secret = Totp.newSecret();
        setOwnersApp(secret);
        try {
            String challenge = formLogin(client, "admin").getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
            assertThat(challenge).as("the password step").isNotNull();
            String session = Organizers.code(challenge, Totp.codeAt(secret, TestClock.now())).getCookie("quarkus-credential");
            assertThat(session).as("the code step").isNotNull();
            return session;
        } finally {
            setOwnersApp(null);
        }
    }

    private static void setOwnersApp(String secret) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account owner = Account.<Account>find("email", "organizer@example.com").firstResult();
            owner.totpSecret = secret;
            owner.totpLastStep = null;
        });
    }

    static Response formLogin(String client, String password) {
        return given().header("X-Forwarded-For", client).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "admin")
                .formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void parallelWrongGuessesFromOneAddressAreCutOff() throws Exception {
        String client = "203.0.113.10";
        int guesses = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                String guess = "guess-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return basic(client, guess);
                }));
            }
            go.countDown();
            int refused = 0, limited = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                if (r.statusCode() == 401) refused++;
                else {
                    assertThat(r.statusCode()).isEqualTo(429);
                    assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
                    limited++;
                }
            }
            assertThat(refused).as("guesses that were checked").isLessThanOrEqualTo(SignInGuard.PER_ADDRESS);
            assertThat(limited).isGreaterThanOrEqualTo(guesses - SignInGuard.PER_ADDRESS);
        } finally {
            pool.shutdownNow();
        }
        Response right = basic(client, "admin");
        assertThat(right.statusCode()).as("the right password from that address gets the same answer").isEqualTo(429);
        assertThat(right.header("WWW-Authenticate")).isNull();
        assertThat(basic("203.0.113.11", "admin").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void theRightPasswordIsAnsweredAsFastAsAWrongOne() {
        String client = "203.0.113.20";
        List<Long> wrong = new ArrayList<>(), right = new ArrayList<>();
        for (int i = 0; i < SignInGuard.PER_ADDRESS - 1; i++) wrong.add(timed(basic(client, "wrong-" + i), 401));
        for (int i = 0; i < 3; i++) right.add(timed(basic(client, "admin"), 200));
        // Before, wrong guesses from one address waited longer and longer (up to 5 s) and the right one not at all.
        assertThat(median(wrong)).as("median ms of wrong passwords " + wrong + " against the right one's " + right)
                .isLessThan(median(right) + 1000);
    }

    static long timed(Response r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        return r.time();
    }

    static long median(List<Long> ms) {
        return ms.stream().sorted().toList().get(ms.size() / 2);
    }

    @Test
    void twentyFailuresLockTheAccountForFifteenMinutesAndMailItsOwner() {
        // Other tests of this profile lock accounts too: only the mails written from here on count.
        long mailsBefore = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("order by id desc")
                .firstResultOptional().map(m -> m.id).orElse(0L));
        String session = ownerSignedInWithApp("198.51.100.40");
        for (int i = 0; i < SignInGuard.PER_ACCOUNT; i++) {
            String client = "198.51.100." + (1 + i / (SignInGuard.PER_ADDRESS - 1));
            assertThat(basic(client, "wrong-" + i).statusCode()).as("guess " + i + " from " + client).isEqualTo(401);
        }

        Response locked = basic("198.51.100.50", "admin");
        assertThat(locked.statusCode()).as("the right password from a fresh address").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 900L);
        Response form = formLogin("198.51.100.51", "admin");
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/admin/login?limited=15");
        assertThat(form.getCookie("quarkus-credential")).isNull();
        given().header("Accept-Language", "en").get("/admin/login?limited=15").then().statusCode(200)
                .body(containsString(MessageBundles.get(Msg.class, Localized.Literal.of("en")).login_limited(15)));
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/admin")
                .then().statusCode(200);

        List<OutboxMessage> mails = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>list("kind = ?1 and id > ?2", SignInLockMail.Kind.SIGN_IN_LOCKED.name(), mailsBefore));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).recipient).isEqualTo("organizer@example.com");
        MailRenderer.Rendered rendered = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = OutboxMessage.findById(mails.get(0).id);
            return lockMail.render(m.kind, m.ownerId, Map.of("account", "admin", "address", "198.51.100.3",
                    "failures", "20", "until", TestClock.now().toString()));
        });
        String text = rendered.text();
        assertThat(text).contains("20", "198.51.100.3", "admin", "잠겼습니다", "locked");
        assertThat(rendered.html()).startsWith("<!DOCTYPE html>").contains("<title>", "잠겼습니다", "locked", "198.51.100.3", "lang=\"en\"");

        TestClock.get().advance(Duration.ofMinutes(16));
        assertThat(basic("198.51.100.50", "admin").statusCode()).as("after the lock").isEqualTo(200);
    }
}
