package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.attendance.Attendance;
import eventdesk.attendance.AttendanceMessages;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the day, as an attendee clicks it: the "still coming?" mail's "Release my seat" on a
 * Korean phone (390 x 844) and an English laptop, and "I'll be there" then the reminder. The mails
 * themselves are shown in the browser too, and kept as screenshots (target/screenshots/attendance-mail-*)
 * when step screenshots are asked for.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AttendanceBrowserTest extends BrowserTest {

    @Inject
    Outbox outbox;
    @Inject
    Attendance attendance;

    GreenMail greenMail;


    static AttendanceMessages att(Ui ui) {
        return MessageBundles.get(AttendanceMessages.class, Localized.Literal.of(ui.code));
    }

    /** An event five days from now with one seat, taken by a confirmed person in {@code ui}'s language, and one person waiting. */
    static Event fullEvent() {
        Event created = BrowserEvents.create(1, true);
        return TestEvents.update(created, e -> {
            e.startsAt = TestClock.now().plus(Duration.ofDays(5));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
            e.registrationClosesAt = e.startsAt;
        });
    }

    static long person(Event event, String email, String locale, RegistrationStatus status) {
        long id = TestEvents.insert(event, "김서연", email, "Seoul Startups", status);
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(id).locale = locale);
        return id;
    }

    static RegistrationStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(id).status);
    }

    MimeMessage mail(String email, String subjectStart) {
        Deliveries.deliver(outbox);
        List<MimeMessage> found = Mailbox.to(greenMail, email).stream()
                .filter(m -> Mailbox.subject(m).startsWith(subjectStart)).toList();
        assertThat(found).as("mail '" + subjectStart + "' to " + email).hasSize(1);
        return found.get(0);
    }

    static String link(MimeMessage mail, String suffix) {
        Matcher m = Pattern.compile("http://localhost:8080/attendance/[A-Za-z0-9_-]+" + suffix).matcher(Mailbox.text(mail));
        if (!m.find()) throw new AssertionError("no " + suffix + " link in " + Mailbox.text(mail));
        return m.group();
    }

    /** The mail's HTML as the person's mail app shows it (inline images aside), in the person's language. */
    void screenshotMail(MimeMessage mail, String name, Ui ui) throws Exception {
        try (BrowserContext context = chromium.visitor(ui, false)) {
            Page page = context.newPage();
            page.setContent(html(mail));
            assertThat(page.locator("html")).hasAttribute("lang", ui.code);
            Chromium.keep(page, "attendance-mail-" + name + "-" + ui.code + ".png");
        }
    }

    static String html(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = html(child);
                if (found != null) return found;
            }
            return null;
        }
        return part.isMimeType("text/html") ? (String) part.getContent() : null;
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void anAttendeeReleasesTheSeatFromTheMailAndTheNextPersonGetsIt(Ui ui) throws Exception {
        AttendanceMessages att = att(ui);
        Event event = fullEvent();
        String email = "seoyeon." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long seated = person(event, email, ui.code, RegistrationStatus.CONFIRMED);
        long waiting = person(event, "next." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "en",
                RegistrationStatus.WAITLISTED);
        TestClock.get().advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, TestClock.now())).isEqualTo(1);
        MimeMessage mail = mail(email, att.reconfirm_subject(BrowserEvents.title(event, ui)));
        screenshotMail(mail, "reconfirm", ui);

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(BrowserEvents.local(link(mail, "/release"), app));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(att.page_title());
            assertThat(page.getByText(BrowserEvents.title(event, ui))).isVisible();
            step(page, "attendance-release", "01-ask", ui);
            assertThat(status(seated)).as("opening the link changes nothing").isEqualTo(RegistrationStatus.CONFIRMED);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(att.release_button()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(att.page_released());
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(att.release_button()))).hasCount(0);
            step(page, "attendance-release", "02-released", ui);
        }
        assertThat(status(seated)).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status(waiting)).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event));
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void anAttendeeSaysIllBeThereAndTheReminderBringsTheTicket(Ui ui) throws Exception {
        AttendanceMessages att = att(ui);
        Event event = fullEvent();
        String email = "jiwoo." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long seated = person(event, email, ui.code, RegistrationStatus.CONFIRMED);
        TestClock.get().advance(Duration.ofDays(2).plusMinutes(1));
        attendance.sendReconfirmations(event.id, TestClock.now());
        MimeMessage mail = mail(email, att.reconfirm_subject(BrowserEvents.title(event, ui)));

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(BrowserEvents.local(link(mail, "/yes"), app));
            step(page, "attendance-yes", "01-ask", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(att.yes_button()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(att.page_attending());
            step(page, "attendance-yes", "02-attending", ui);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(seated).reconfirmedAt)).isNotNull();

        TestClock.get().advance(Duration.ofDays(2));
        assertThat(attendance.sendReminders(event.id, TestClock.now())).isEqualTo(1);
        MimeMessage reminder = mail(email, att.reminder_subject(BrowserEvents.title(event, ui)));
        assertThat(Mailbox.partTypes(reminder)).contains("image/png");
        screenshotMail(reminder, "reminder", ui);
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(BrowserEvents.local(link(reminder, "/release"), app));
            // Already answered "I'll be there": the page says so and still offers the release.
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(att.page_attending());
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(att.release_button()))).isVisible();
            step(page, "attendance-yes", "03-release-from-reminder", ui);
        }
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void anOrganizerTurnsOnTheAutomaticReleaseIsWarnedAndSeesWhoAnswered(Ui ui) {
        AttendanceMessages att = att(ui);
        eventdesk.web.Msg m = ui.msg();
        eventdesk.admin.EventFormTexts evf = MessageBundles.get(eventdesk.admin.EventFormTexts.class, Localized.Literal.of(ui.code));
        Event event = fullEvent();
        TestEvents.update(event, e -> e.capacity = 5);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long answered = person(event, "answered." + tag + "@example.com", ui.code, RegistrationStatus.CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(answered).reconfirmedAt = TestClock.now());
        person(event, "silent." + tag + "@example.com", ui.code, RegistrationStatus.CONFIRMED);

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin/events/" + event.slug + "/edit");
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            page.navigate(app + "admin/events/" + event.slug + "/edit");
            assertThat(page.getByText(att.form_auto_release_warning())).hasCount(0);
            // The part is folded, its line saying the defaults are on; it opens with a click.
            Locator part = page.locator("details#still-coming");
            assertThat(part).not().hasAttribute("open", "");
            assertThat(part.locator("summary")).containsText(evf.attendance(
                    evf.hours(attendance.defaultReconfirmHours()), evf.hours(attendance.defaultReminderHours())));
            part.locator("summary").click();
            page.getByLabel(att.form_reconfirm()).fill("96");
            page.getByLabel(att.form_auto_release()).check();
            page.getByLabel(att.form_deadline()).fill("36");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.save_button()).setExact(true)).click();
            assertThat(page.getByText(att.form_auto_release_warning())).isVisible();
            assertThat(page.getByLabel(att.form_reconfirm())).hasValue("96");
            step(page, "attendance-organizer", "01-form-warning", ui);

            page.navigate(app + "admin/events/" + event.slug);
            assertThat(page.locator("ul.counts")).containsText(att.count_reconfirmed() + " 1");
            assertThat(page.locator(".badge")).hasCount(1);
            step(page, "attendance-organizer", "02-attendees", ui);
        }
        Event saved = QuarkusTransaction.requiringNew().call(() -> Event.findById(event.id));
        assertThat(saved.autoReleaseUnanswered).isTrue();
        assertThat(saved.reconfirmBefore).isEqualTo(Duration.ofHours(96));
    }
}

