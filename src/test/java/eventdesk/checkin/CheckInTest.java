package eventdesk.checkin;

import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The door: checking in by scanned or typed code, the warnings, and the search by name. */
@QuarkusTest
class CheckInTest {

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    @Test
    void doorCheckInWarnsOnSecondScanWrongEventAndUnconfirmed() {
        Event event = TestEvents.create(5, true);
        Event other = TestEvents.create(5, true);
        long confirmed = TestEvents.insert(event, "Choi Yuna", "yuna@example.com", "Kakao", RegistrationStatus.CONFIRMED);
        long cancelled = TestEvents.insert(event, "Han Gone", "hangone@example.com", "Line", RegistrationStatus.CANCELLED);
        String code = token(confirmed);
        String cancelledCode = token(cancelled);

        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", "http://localhost:8080/admin/checkin/" + code,
                "event", other.slug)).then().statusCode(200).body(containsString("This ticket is for another event"));
        assertThat(TestEvents.byEmail(event, "yuna@example.com").checkedInAt).isNull();

        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", code, "event", event.slug))
                .then().statusCode(200).body(containsString("Checked in")).body(containsString("Choi Yuna"));
        assertThat(TestEvents.byEmail(event, "yuna@example.com").checkedInAt).isNotNull();
        String time = eventdesk.web.Kst.time(TestEvents.byEmail(event, "yuna@example.com").checkedInAt);
        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", code, "event", event.slug))
                .then().statusCode(200).body(containsString("Already checked in at " + time));

        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", cancelledCode))
                .then().statusCode(200).body(containsString("Not confirmed"));
        assertThat(TestEvents.byEmail(event, "hangone@example.com").checkedInAt).isNull();
        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", "no-such-code-0000000000000"))
                .then().statusCode(200).body(containsString("No ticket with this code"));

        // The QR link shows who it is and a button; the GET alone checks nobody in.
        long other2 = TestEvents.insert(event, "Kang Dohyun", "dohyun@example.com", "Coupang", RegistrationStatus.CONFIRMED);
        admin().get("/admin/checkin/" + token(other2)).then().statusCode(200)
                .body(containsString("Kang Dohyun")).body(containsString("Check in this person?"));
        assertThat(TestEvents.byEmail(event, "dohyun@example.com").checkedInAt).isNull();
    }

    @Test
    void theDoorSearchEscapesWhatPeopleTyped() {
        Event event = TestEvents.create(5, true);
        TestEvents.insert(event, "<script>alert('x')</script>", "xss@example.com", "<img src=x onerror=alert(1)>",
                RegistrationStatus.PENDING);
        admin().get("/admin/checkin?q=xss").then().statusCode(200)
                .body(not(containsString("<script>alert"))).body(containsString("&lt;script&gt;"));
    }

    private static String token(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(registrationId), AccessToken.Purpose.CHECKIN, eventdesk.testing.TestClock.now()));
    }
}
