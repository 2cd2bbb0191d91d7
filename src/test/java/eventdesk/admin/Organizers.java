package eventdesk.admin;

import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Role;
import eventdesk.team.Totp;
import eventdesk.testing.TestClock;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Organizer accounts made for a test, and the two steps of signing in as a browser does. */
public final class Organizers {

    public static final String PASSWORD = "correct horse battery staple";
    /**
     * {@link #PASSWORD}'s bcrypt hash at bcrypt's lowest cost, made once. Signing in reads the cost from the stored
     * hash, so these accounts sign in exactly as others do, without a production-strength hash (a fifth of a second
     * of CPU here) made for every account and checked at every sign-in of a test.
     */
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 4);

    private Organizers() {
    }

    /** A new ACTIVE account with a unique email and {@link #PASSWORD}; with an authenticator key when {@code totp}. */
    public static Account create(Role role, Set<String> events, boolean totp) {
        String email = "organizer-" + UUID.randomUUID() + "@example.com";
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.of(email, "Test Organizer", role, events, AccountStatus.ACTIVE, TestClock.now());
            a.passwordHash = PASSWORD_HASH;
            if (totp) a.totpSecret = Totp.newSecret();
            a.persist();
            return a;
        });
    }

    public static Account reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id));
    }

    public static Response password(String name, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name).formParam("j_password", password).post("/j_security_check");
    }

    /** The second step: the code page's form, with the challenge cookie. */
    public static Response code(String challenge, String code) {
        return given().redirects().follow(false).cookie(OrganizerIdentity.CHALLENGE_COOKIE, challenge)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", OrganizerIdentity.SECOND_FACTOR)
                .formParam("j_password", code).post("/j_security_check");
    }

    /** The code the account's app shows now (by the application's clock). */
    public static String codeNow(String secret) {
        return Totp.codeAt(secret, TestClock.now());
    }

    public static Response page(String session, String path) {
        return given().redirects().follow(false).cookie("quarkus-credential", session).header("Accept-Language", "en").get(path);
    }
}
