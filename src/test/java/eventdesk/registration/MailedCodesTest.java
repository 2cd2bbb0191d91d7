package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Invitation codes mailed to a list of addresses: one personal code per distinct address, each in its own
 * mail (Korean and English) with a link that fills it in, usable only by that address; a list with an
 * address that cannot be mailed makes nothing and names it.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MailedCodesTest extends RestoresTestClock {

    static final Pattern CODE = Pattern.compile("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");

    GreenMail greenMail;
    @Inject
    Outbox outbox;
    @Inject
    Erasure erasure;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    private String address(String who) {
        return who + "." + tag + "@example.com";
    }

    private static String codeIn(MimeMessage mail) {
        Matcher m = CODE.matcher(Mailbox.text(mail));
        assertThat(m.find()).as("a code in the mail").isTrue();
        return m.group();
    }

    private static long codesOf(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> InvitationCode.count("event.id", event.id));
    }

    @Test
    void eachDistinctAddressGetsItsOwnMailedCodeThatOnlyItCanUse() {
        Event event = Curated.create(10, true, """
                [{"key": "guest", "name": "Guest", "nameKo": "초대 손님", "capacity": 5, "held": 3}]""", "");
        String ana = address("ana"), bo = address("bo"), cy = address("cy");
        String until = Curated.iso(TestClock.now().plus(Duration.ofDays(7)));
        List<Map<String, String>> made = Curated.admin().contentType("application/json").body("""
                {"ticketType": "guest", "expiresAt": "%s", "emails": ["%s", " %s ", "%s", "%s"]}"""
                .formatted(until, ana, ana.toUpperCase(), bo, cy))
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(201).body("$", hasSize(3))
                .extract().jsonPath().getList("$");
        assertThat(made).extracting(m -> m.get("email")).containsExactly(ana, bo, cy);
        assertThat(codesOf(event)).isEqualTo(3);

        Deliveries.deliver(outbox);
        List<String> codes = new ArrayList<>();
        for (String to : List.of(ana, bo, cy)) {
            List<MimeMessage> mails = Mailbox.to(greenMail, to);
            assertThat(mails).as("one mail to " + to).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(Mailbox.subject(mail)).contains("초대 코드", "Your invitation code for Curated Meetup");
            String text = Mailbox.text(mail);
            String code = codeIn(mail);
            assertThat(text).contains("http://localhost:8080/events/" + event.slug + "?code=" + code)
                    .contains("큐레이션 밋업", "Curated Meetup", "초대 손님", "Guest", "Valid until");
            assertThat(code).isEqualTo(made.stream().filter(m -> m.get("email").equals(to)).findFirst().orElseThrow().get("code"));
            codes.add(code);
        }
        assertThat(new HashSet<>(codes)).as("a different code for each").hasSize(3);

        // Someone else cannot use Ana's code; Ana can, and takes a held seat.
        Curated.post(event, Curated.signUp("Not Ana", address("other"), "en", null, codes.get(0))).then().statusCode(400)
                .body("errors[0].field", equalTo("code")).body("errors[0].message", containsString("another email"));
        Curated.post(event, Curated.signUp("Ana", ana, "en", null, codes.get(0))).then().statusCode(202)
                .body("status", equalTo("PENDING"));
        assertThat(Curated.type(event, "guest").heldUsed).isEqualTo(1);
        Curated.post(event, Curated.signUp("Bo", bo, "ko", null, codes.get(1))).then().statusCode(202);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event));
    }

    @Test
    void erasingAPersonForgetsWhereTheirCodeWasMailed() {
        Event event = TestEvents.create(10, true);
        String dana = address("dana");
        String code = Curated.admin().contentType("application/json").body("{\"emails\": [\"" + dana + "\"]}")
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(201).extract().jsonPath().getString("[0].code");
        Curated.post(event, Curated.signUp("Dana", dana, "en", null, code)).then().statusCode(202);
        Deliveries.deliver(outbox);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient = ?1 and kind = ?2", dana,
                CodeMail.Kind.INVITATION_CODE.name()))).isEqualTo(1);
        erasure.erasePerson(dana, TestClock.now(), eventdesk.audit.AccessLog.Entry.of("attendee", "127.0.0.1",
                eventdesk.audit.AccessAction.ERASED));
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", dana))).isZero();
    }

    @Test
    void addressesThatCannotBeMailedAreNamedAndNothingIsMade() {
        Event event = TestEvents.create(10, true);
        String good = address("good");
        Curated.admin().contentType("application/json").body("""
                {"emails": ["%s", "not-an-address", "also@bad"]}""".formatted(good))
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("emails"))
                .body("errors[0].message", containsString("not-an-address")).body("errors[0].message", containsString("also@bad"));
        Curated.admin().contentType("application/json").body("""
                {"count": 2, "emails": ["%s"]}""".formatted(good))
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(400).body("errors[0].field", equalTo("count"));
        Curated.admin().contentType("application/json").body("{\"emails\": []}")
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(400).body("errors[0].field", equalTo("emails"));
        assertThat(codesOf(event)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", good))).isZero();
    }

    @Test
    void theCodesPageMailsCodesToTheAddressesInTheTextarea() {
        Event event = TestEvents.create(10, true);
        String page = "/admin/events/" + event.slug + "/codes";
        Curated.admin().get(page).then().statusCode(200).body(containsString("<textarea id=\"emails\" name=\"emails\""))
                .body(containsString("Send codes to these addresses (one per line)"));

        Response bad = Forms.submitAsAdmin(page, page, Map.of("emails", address("fine") + "\nbroken@@example.com", "expiresAt", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.asString()).contains("id=\"emails-error\"", "broken@@example.com", "No code was made");
        assertThat(codesOf(event)).isZero();

        String one = address("one"), two = address("two");
        Response sent = Forms.submitAsAdmin(page, page, Map.of("emails", one + "\r\n\r\n" + two + "\r\n" + one, "expiresAt", ""));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("2 code(s) made and mailed");
        assertThat(codesOf(event)).isEqualTo(2);
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, one)).hasSize(1);
        assertThat(Mailbox.to(greenMail, two)).hasSize(1);
        String code = codeIn(Mailbox.to(greenMail, two).get(0));
        Curated.post(event, Curated.signUp("Two", two, "en", null, code)).then().statusCode(202).body("status", equalTo("PENDING"));
    }
}
