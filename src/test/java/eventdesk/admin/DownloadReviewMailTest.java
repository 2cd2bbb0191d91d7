package eventdesk.admin;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.mail.Outbox;
import eventdesk.team.Account;
import eventdesk.team.Role;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.web.Kst;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DownloadReviewMailTest extends RestoresTestClock {

    @Inject
    AccessLog accessLog;
    @Inject
    DownloadReviewMail review;
    @Inject
    Outbox outbox;

    GreenMail greenMail;

    /** Moves the test clock to this KST date and time of {@code month}. */
    static void at(YearMonth month, int day, int hour) {
        TestClock.get().set(month.atDay(day).atTime(hour, 30).atZone(Kst.ZONE).toInstant());
    }

    @Test
    void everyActiveOwnerGetsLastMonthsDownloadsOnceOnTheFirst() {
        Account owner = Organizers.create(Role.OWNER, null, false);
        Account manager = Organizers.create(Role.MANAGER, null, false);
        String event = "review-" + UUID.randomUUID().toString().substring(0, 8);
        // A month no other test reviews: two years ahead of the test clock.
        YearMonth month = YearMonth.from(TestClock.now().atZone(Kst.ZONE)).plusYears(2);

        at(month, 14, 15);
        accessLog.record(AccessLog.Entry.of("exporter@example.com", "203.0.113.20", AccessAction.EXPORT).forEvent(event)
                .withFilter("status=CONFIRMED", 42).because("badge printing"));
        accessLog.record(AccessLog.Entry.of("viewer@example.com", "203.0.113.20", AccessAction.VIEW_ATTENDEES).forEvent(event)
                .because("just looking"));
        at(month.plusMonths(1), 2, 9);
        accessLog.record(AccessLog.Entry.of("exporter@example.com", "203.0.113.20", AccessAction.EXPORT).forEvent(event)
                .because("next month's export"));

        at(month, month.lengthOfMonth(), 23);
        assertThat(review.sendDue()).as("the last day of the month sends nothing yet").isZero();

        at(month.plusMonths(1), 1, 0);
        assertThat(review.sendDue()).isPositive();
        Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, owner.email);
        assertThat(mails).hasSize(1);
        assertThat(Mailbox.subject(mails.get(0))).contains(month.toString(), "다운로드", "downloads");
        String text = Mailbox.text(mails.get(0));
        assertThat(text).contains("badge printing", "42", event, "exporter@example.com", month + "-14 15:30",
                        "/admin/audit/downloads?month=" + month, "lang=\"ko\"", "lang=\"en\"")
                .doesNotContain("just looking", "next month's export");
        assertThat(Mailbox.to(greenMail, manager.email)).isEmpty();

        at(month.plusMonths(1), 1, 5);
        assertThat(review.sendDue()).isZero();
        at(month.plusMonths(1), 3, 12);
        assertThat(review.sendDue()).isZero();
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, owner.email)).hasSize(1);
    }

    @Test
    void aReviewMissedOnTheFirstGoesOutInTheFirstWeekButNotLater() {
        Account owner = Organizers.create(Role.OWNER, null, false);
        YearMonth month = YearMonth.from(TestClock.now().atZone(Kst.ZONE)).plusYears(3);

        at(month, 8, 10);
        assertThat(review.sendDue()).as("past the first week: last month's review is not sent late").isZero();
        at(month.plusMonths(1), 5, 10);
        assertThat(review.sendDue()).isPositive();
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, owner.email)).singleElement()
                .satisfies(m -> assertThat(Mailbox.text(m)).contains("No downloads in this month.", "다운로드가 없습니다"));
    }
}
