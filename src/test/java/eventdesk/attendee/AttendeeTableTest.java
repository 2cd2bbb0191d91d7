package eventdesk.attendee;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.Race;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's attendee table: sorting by any column (Hangul names in 가나다 order), the filters (checked in,
 * answered "still coming?"), pages of 100 with totals, and the bulk actions through their confirm step, for the
 * people ticked or all matching the filters.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AttendeeTableTest {

    static final Pattern NAME = Pattern.compile("<td data-label=\"Name\" class=\"name\"><strong>([^<]+)</strong>");

    GreenMail greenMail;

    @Inject
    Outbox outbox;

    static io.restassured.specification.RequestSpecification admin(String lang) {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang);
    }

    static List<String> names(String page) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(page);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Registrations written straight to the database, one second apart in the order given. */
    static List<Long> people(Event event, List<String> names, String tag) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long id = TestEvents.insert(event, names.get(i), tag + i + "@example.com", "Org " + i, RegistrationStatus.CONFIRMED);
            int second = i;
            QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(id).createdAt =
                    TestClock.now().minus(Duration.ofHours(1)).plusSeconds(second));
            ids.add(id);
        }
        return ids;
    }

    @Test
    void sortsByAnyColumnBothWaysAndFiltersByCheckInAndAnswer() {
        Event event = TestEvents.create(20, true);
        List<Long> ids = people(event, List.of("다현", "Bora", "가영", "나래", "Alice"), "sort-" + event.slug + "-");
        QuarkusTransaction.requiringNew().run(() -> {
            Registration.<Registration>findById(ids.get(2)).checkedInAt = TestClock.now();
            Registration nara = Registration.findById(ids.get(3));
            nara.reconfirmSentAt = TestClock.now();
            Registration dahyun = Registration.findById(ids.get(0));
            dahyun.reconfirmSentAt = TestClock.now();
            dahyun.reconfirmedAt = TestClock.now();
        });
        String base = "/admin/events/" + event.slug;

        assertThat(names(admin("en").get(base).then().statusCode(200).extract().asString()))
                .containsExactly("다현", "Bora", "가영", "나래", "Alice");
        String byName = admin("en").get(base + "?sort=name").then().statusCode(200).extract().asString();
        assertThat(names(byName)).containsExactly("Alice", "Bora", "가영", "나래", "다현");
        assertThat(byName).contains("aria-sort=\"ascending\"><a href=\"" + base + "?sort=name&amp;dir=desc\"");
        assertThat(names(admin("en").get(base + "?sort=name&dir=desc").then().extract().asString()))
                .containsExactly("다현", "나래", "가영", "Bora", "Alice");
        assertThat(names(admin("en").get(base + "?sort=registered&dir=desc").then().extract().asString()))
                .containsExactly("Alice", "나래", "가영", "Bora", "다현");
        // Sorted by check-in time, the one checked in comes first; nobody is lost to the empty ones.
        assertThat(names(admin("en").get(base + "?sort=checkedin").then().extract().asString()))
                .hasSize(5).first().isEqualTo("가영");

        assertThat(names(admin("en").get(base + "?checkedIn=yes").then().extract().asString())).containsExactly("가영");
        assertThat(names(admin("en").get(base + "?checkedIn=no&sort=name").then().extract().asString()))
                .containsExactly("Alice", "Bora", "나래", "다현");
        String answered = admin("en").get(base + "?answered=yes").then().extract().asString();
        assertThat(names(answered)).containsExactly("다현");
        assertThat(answered).contains("1 of 5 registrations match · page 1 of 1");
        String silent = admin("en").get(base + "?answered=no").then().extract().asString();
        assertThat(names(silent)).containsExactly("나래");
        assertThat(silent).contains("asked, no answer");
        // The organizer's words, not the visitor's; unknown sorts and filters are no filter.
        String odd = admin("en").get(base + "?sort=password&checkedIn=maybe&dir=sideways").then().statusCode(200).extract().asString();
        assertThat(names(odd)).hasSize(5);
        assertThat(odd).contains(">Confirmed<").doesNotContain("Waiting for your confirmation");
        assertThat(admin("ko").get(base + "?sort=name").then().extract().asString()).contains("확정", "참석 확인", "이름");
    }

    @Test
    void aHundredRowsAPageWithTotalsAndLinksThatKeepTheFiltersAndSort() {
        Event event = TestEvents.create(300, true);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 230; i++) many.add(String.format("Person %03d", i));
        people(event, many, "page-" + event.slug + "-");
        String base = "/admin/events/" + event.slug;
        String first = admin("en").get(base + "?sort=name&dir=desc").then().statusCode(200).extract().asString();
        assertThat(names(first)).hasSize(100).first().isEqualTo("Person 229");
        assertThat(first).contains("230 of 230 registrations match · page 1 of 3")
                .contains("href=\"" + base + "?sort=name&amp;dir=desc&amp;page=2\" rel=\"next\"");
        String last = admin("en").get(base + "?sort=name&dir=desc&page=3").then().extract().asString();
        assertThat(names(last)).hasSize(30).last().isEqualTo("Person 000");
        assertThat(last).contains("page 3 of 3");
        // A page past the end is the last page.
        assertThat(names(admin("en").get(base + "?sort=name&dir=desc&page=99").then().extract().asString())).hasSize(30);
    }

    @Test
    void bulkResendToThreeTickedPeopleGoesThroughTheConfirmStepAndSendsThreeMails() throws Exception {
        Event event = TestEvents.create(20, true);
        String tag = "bulk-" + event.slug + "-";
        List<Long> ids = people(event, List.of("하나", "둘", "셋", "넷"), tag);
        Event other = TestEvents.create(5, true);
        long stranger = TestEvents.insert(other, "Other", "bulk-other-" + other.slug + "@example.com", "X", RegistrationStatus.CONFIRMED);
        String page = "/admin/events/" + event.slug;
        String action = page + "/attendees/bulk";
        Map<String, Object> fields = new HashMap<>();
        fields.put("action", "RESEND");
        fields.put("id", List.of(ids.get(0), ids.get(1), ids.get(2), stranger));
        String step = Forms.submitAsAdmin(page, action, fields).then().statusCode(200).extract().asString();
        assertThat(step).contains("Send the mail again to 3 people?", "하나 &lt;" + tag + "0@example.com&gt;", "Send 3 mails")
                .doesNotContain("넷", "Other");
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, tag + "0@example.com")).isEmpty();

        fields.put("confirmed", "true");
        Forms.submitAsAdmin(page, action, fields).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(page + "?done=bulk_resent&n=3"));
        Deliveries.deliver(outbox);
        for (int i = 0; i < 3; i++) assertThat(Mailbox.to(greenMail, tag + i + "@example.com")).as("person " + i).hasSize(1);
        assertThat(Mailbox.to(greenMail, tag + "3@example.com")).isEmpty();
        assertThat(Mailbox.to(greenMail, "bulk-other-" + other.slug + "@example.com")).isEmpty();
        assertThat(admin("en").get(page + "?done=bulk_resent&n=3").then().extract().asString())
                .contains("Sent the mail again to 3 people.");

        // A double click on the confirm button, one click after the other or both at once, sends nothing more
        // and says the same; a new resend half a minute later sends again.
        Forms.submitAsAdmin(page, action, fields).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(page + "?done=bulk_resent&n=3"));
        Deliveries.deliver(outbox);
        for (int i = 0; i < 3; i++) assertThat(Mailbox.to(greenMail, tag + i + "@example.com")).as("person " + i).hasSize(1);
        TestClock.get().advance(Duration.ofSeconds(31));
        assertThat(Race.run(2, n -> () -> Forms.submitAsAdmin(page, action, fields).statusCode())).containsOnly(303);
        Deliveries.deliver(outbox);
        for (int i = 0; i < 3; i++) assertThat(Mailbox.to(greenMail, tag + i + "@example.com")).as("person " + i).hasSize(2);
    }

    @Test
    void bulkCancelOfAllMatchingFreesTheSeatsForTheWaitlistAndIsAskedAgainWhenTheMatchChanged() {
        Event event = TestEvents.create(4, true);
        String tag = "cancel-" + event.slug + "-";
        List<Long> ids = people(event, List.of("One", "Two", "Three", "Four"), tag);
        long waiting = TestEvents.insert(event, "Waiting", tag + "w@example.com", "W", RegistrationStatus.WAITLISTED);
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(ids.get(3)).checkedInAt = TestClock.now());
        String page = "/admin/events/" + event.slug;
        String action = page + "/attendees/bulk";
        Map<String, Object> fields = new HashMap<>(Map.of("action", "CANCEL", "all", "true", "status", "CONFIRMED"));
        String step = Forms.submitAsAdmin(page, action, fields).then().statusCode(200).extract().asString();
        assertThat(step).contains("Cancel 3 registrations?", "1 of the selected are already checked in");
        Matcher expected = Pattern.compile("name=\"expected\" value=\"(\\d+)\"").matcher(step);
        assertThat(expected.find()).isTrue();
        assertThat(expected.group(1)).isEqualTo("4");

        // Someone else confirmed meanwhile: the step is shown again with the new number, nothing is cancelled.
        fields.put("confirmed", "true");
        fields.put("expected", "3");
        assertThat(Forms.submitAsAdmin(page, action, fields).then().statusCode(200).extract().asString())
                .contains("changed since you looked (3 then, 4 now)");
        assertThat(TestEvents.count(event, RegistrationStatus.CANCELLED)).isZero();

        fields.put("expected", "4");
        Forms.submitAsAdmin(page, action, fields).then().statusCode(303);
        assertThat(TestEvents.count(event, RegistrationStatus.CANCELLED)).isEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(ids.get(3)).status))
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(waiting).status))
                .isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event));
    }

    @Test
    void writingToTickedPeopleLeadsToTheMessageFormPreviewAndSendToExactlyThem() {
        Event event = TestEvents.create(20, true);
        String tag = "msg-" + event.slug + "-";
        List<Long> ids = people(event, List.of("Ara", "Bin", "Chan"), tag);
        String page = "/admin/events/" + event.slug;
        Map<String, Object> fields = new HashMap<>(Map.of("action", "MESSAGE", "id", List.of(ids.get(0), ids.get(2))));
        String step = Forms.submitAsAdmin(page, page + "/attendees/bulk", fields).then().statusCode(200).extract().asString();
        assertThat(step).contains("Write a message to 2 people?", "Ara &lt;", "Chan &lt;", "action=\"/admin/events/" + event.slug + "/messages/new\"")
                .doesNotContain("Bin &lt;");

        String base = page + "/messages";
        Map<String, Object> form = new HashMap<>(Map.of("registration", List.of(ids.get(0), ids.get(2)), "confirmed", "true"));
        String compose = Forms.submitAsAdmin(page, base + "/new", form).then().statusCode(200).extract().asString();
        assertThat(compose).contains("the 2 people you selected on the attendee list");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(compose);
        assertThat(key.find()).isTrue();
        Map<String, Object> message = new HashMap<>(Map.of("group", "SELECTED", "registration", List.of(ids.get(0), ids.get(2)),
                "subject", "Parking", "body", "Use gate B.", "idempotencyKey", key.group(1)));
        assertThat(Forms.submitAsAdmin(page, base + "/preview", message).then().statusCode(200).extract().asString())
                .contains("Send to 2 people");
        message.put("count", "2");
        Forms.submitAsAdmin(page, base, message).then().statusCode(303);
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, tag + "0@example.com")).extracting(Mailbox::subject).contains("Parking");
        assertThat(Mailbox.to(greenMail, tag + "2@example.com")).extracting(Mailbox::subject).contains("Parking");
        assertThat(Mailbox.to(greenMail, tag + "1@example.com")).isEmpty();
        // Someone of another event named in the form is no recipient; SELECTED is not a group the API or the list offers.
        Event other = TestEvents.create(5, true);
        long stranger = TestEvents.insert(other, "Stranger", tag + "x@example.com", "X", RegistrationStatus.CONFIRMED);
        message.put("registration", List.of(stranger));
        message.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        message.remove("count");
        assertThat(Forms.submitAsAdmin(page, base + "/preview", message).then().statusCode(200).extract().asString())
                .contains("This message goes to 0 people");
        assertThat(admin("en").get(base + "/new").then().extract().asString()).doesNotContain("value=\"SELECTED\"");
    }

    @Test
    void nothingTickedIsSaidAndChangesNothing() {
        Event event = TestEvents.create(4, true);
        people(event, List.of("Solo"), "none-" + event.slug + "-");
        String page = "/admin/events/" + event.slug;
        Forms.submitAsAdmin(page, page + "/attendees/bulk", Map.of("action", "CANCEL", "sort", "name")).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(page + "?sort=name&done=bulk_none"));
        assertThat(TestEvents.count(event, RegistrationStatus.CONFIRMED)).isEqualTo(1);
    }
}
