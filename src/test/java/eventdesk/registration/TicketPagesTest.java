package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestEvents;
import eventdesk.web.Kst;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an attendee sees after signing up and confirming: the thanks page says until when the seat is
 * held; the confirmed page links the manage page and the calendar entry; the manage page of a confirmed
 * registration shows the ticket's QR code (the ticket mail's check-in code) and the calendar link, a
 * pending one neither.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class TicketPagesTest {

    static final String RUN = "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ".";

    GreenMail greenMail;

    @Inject
    Outbox outbox;

    void deliver() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            outbox.relay();
            return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("status = ?1 and lower(recipient) like ?2",
                    OutboxMessage.Status.PENDING, RUN + "%")) == 0;
        });
    }

    static Map<String, String> person(String email, String locale) {
        return Map.of("name", "Min Ticket", "email", email, "affiliation", "KAIST", "role", "STUDENT",
                "locale", locale, "consent", "true");
    }

    private static String path(String link) {
        return link.substring("http://localhost:8080".length());
    }

    private static Response get(String path, String lang) {
        return given().redirects().follow(false).header("Accept-Language", lang).get(path);
    }

    @Test
    void theThanksPageSaysUntilWhenTheSeatIsHeldInBothLanguages() {
        Event event = TestEvents.create(10, true);
        String email = RUN + "held@example.com";
        String thanks = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", person(email, "en"), "en")
                .then().statusCode(303).extract().header("Location");
        assertThat(thanks).contains("until=");
        Registration r = TestEvents.byEmail(event, email);
        String path = thanks.substring(thanks.indexOf("/events/"));

        String en = get(path, "en").asString();
        assertThat(en).contains("Your seat is held until " + Kst.dateTime(r.holdExpiresAt, Locale.ENGLISH)
                + " — confirm from the mail before then.");
        String ko = get(path, "ko").asString();
        assertThat(ko).contains(Kst.dateTime(r.holdExpiresAt, Locale.KOREAN) + "까지 좌석을 잡아 두었습니다");
        assertThat(Kst.dateTime(r.holdExpiresAt, Locale.KOREAN)).contains("월", "일");
    }

    @Test
    void aConfirmedRegistrationsPagesShowTheTicketAndTheCalendarAndAPendingOneNeither() throws Exception {
        Event event = TestEvents.create(10, true);
        String email = RUN + "ticket@example.com";
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", person(email, "en"), "en")
                .then().statusCode(303);
        deliver();
        String held = Mailbox.text(Mailbox.to(greenMail, email).get(0));
        String confirm = path(Forms.link(held, "http://localhost:8080/confirm/"));
        String pendingManage = path(Forms.link(held, "http://localhost:8080/manage/"));

        String pending = get(pendingManage, "en").asString();
        assertThat(pending).contains("Min Ticket").doesNotContain("data:image/png", "event.ics", "Your ticket");

        Forms.submit(confirm, confirm, Map.of(), "en").then().statusCode(303);
        String confirmed = get(confirm, "en").asString();
        assertThat(confirmed).contains("You are confirmed", "Your ticket and manage page");
        java.util.regex.Matcher manageLink = java.util.regex.Pattern.compile("href=\"(/manage/[A-Za-z0-9_-]+)\"").matcher(confirmed);
        assertThat(manageLink.find()).as(confirmed).isTrue();
        String manage = manageLink.group(1);
        assertThat(confirmed).contains("href=\"" + manage + "/event.ics\"");
        assertThat(get(confirm, "ko").asString()).contains("내 티켓과 신청 관리");

        deliver();
        List<MimeMessage> mails = Mailbox.to(greenMail, email);
        assertThat(mails).hasSize(2);
        String ticketMail = Mailbox.text(mails.get(1));
        String code = ticketMail.substring(ticketMail.indexOf("Check-in code: ") + "Check-in code: ".length()).strip().split("\\s")[0];
        assertThat(path(Forms.link(ticketMail, "http://localhost:8080/manage/"))).isEqualTo(manage);

        for (String link : List.of(manage, pendingManage)) {
            Response en = get(link, "en");
            assertThat(en.statusCode()).isEqualTo(200);
            assertThat(en.asString()).contains("href=\"" + link + "/event.ics\"");
        }
        String page = get(manage, "en").asString();
        assertThat(page).contains("<img src=\"data:image/png;base64,",
                "alt=\"QR code of your ticket for Test Meetup: show it at the entrance to check in\"", "Check-in code: " + code);
        assertThat(get(manage, "ko").asString()).contains("alt=\"테스트 밋업 티켓 QR 코드: 입장할 때 보여 주시면 체크인됩니다\"");
        // The older manage link (from the seat-held mail) shows a ticket too, with its own valid code.
        assertThat(get(pendingManage, "en").asString()).contains("data:image/png;base64,");

        Response ics = get(manage + "/event.ics", "en");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.header("Content-Disposition")).contains("filename=\"" + event.slug + ".ics\"");
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        assertThat(ics.asString()).contains("BEGIN:VEVENT", "DTSTART;TZID=Asia/Seoul:" + event.startsAt.atZone(Kst.ZONE).format(local),
                "DTEND;TZID=Asia/Seoul:" + event.endsAt.atZone(Kst.ZONE).format(local));
        // Showing the ticket changed nothing: the registration is still confirmed and not checked in.
        assertThat(TestEvents.byEmail(event, email).checkedInAt).isNull();
    }
}
