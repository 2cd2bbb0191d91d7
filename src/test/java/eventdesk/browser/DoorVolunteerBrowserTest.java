package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import eventdesk.admin.OrganizerTexts;
import eventdesk.admin.SignInTexts;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Role;
import eventdesk.team.TeamTexts;
import eventdesk.team.Totp;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A door volunteer from invitation to the door, in real Chromium: the owner invites them on an English laptop
 * through the team page; the volunteer opens the mailed link on a Korean phone, chooses a password, sets up the
 * authenticator app from the key on the page, and checks in a person of their event found by name, who is shown
 * without an email address. People of other events are not found, and organizer pages beyond the door answer 403.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DoorVolunteerBrowserTest extends BrowserTest {

    static final String PASSWORD = "lanterns at the door 42";
    static final Pattern INVITATION_LINK = Pattern.compile("http://localhost:8080/admin/invitation/[A-Za-z0-9_-]+");

    @Inject
    Outbox outbox;

    GreenMail greenMail;

    static <T> T texts(Class<T> bundle, Ui ui) {
        return MessageBundles.get(bundle, Localized.Literal.of(ui.code));
    }

    /** A confirmed person of the event with a ticket type, written as the seat path would. */
    static long confirmedWithTicket(Event event, String name, String email, String affiliation) {
        long id = TestEvents.insert(event, name, email, affiliation, RegistrationStatus.CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> {
            TicketType type = new TicketType();
            type.event = Event.findById(event.id);
            type.key = "founder";
            type.name = "Founder";
            type.nameKo = "창업자";
            type.capacity = event.capacity;
            type.seatsTaken = 1;
            type.persist();
            Registration.<Registration>findById(id).ticketType = type;
        });
        return id;
    }

    static Registration registration(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }

    /** The page is no wider than the phone: nothing to scroll sideways. */
    static void fitsThePhone(Page page) {
        assertThat((Integer) page.evaluate("document.scrollingElement.scrollWidth"))
                .as("sideways scrolling on " + page.url()).isLessThanOrEqualTo(Ui.KO.width);
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    static Page.GetByLabelOptions exactly() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void anInvitedDoorVolunteerJoinsOnAKoreanPhoneAndChecksInOnlyTheirEventsPeopleWithoutSeeingEmail() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Event door = BrowserEvents.create(30, false);
        Event other = BrowserEvents.create(30, false);
        String attendee = "한지민 " + tag;
        String attendeeEmail = "jimin." + tag + "@example.com";
        long seated = confirmedWithTicket(door, attendee, attendeeEmail, "당근마켓");
        String stranger = "오하늘 " + tag;
        TestEvents.insert(other, stranger, "haneul." + tag + "@example.com", "토스", RegistrationStatus.CONFIRMED);
        String volunteer = "door." + tag + "@example.com";

        invite(volunteer, "박도윤", door);

        Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, volunteer);
        assertThat(mails).as("invitation mail to " + volunteer).hasSize(1);
        assertThat(Mailbox.subject(mails.get(0))).contains(texts(TeamTexts.class, Ui.KO).invitation_subject());
        Matcher link = INVITATION_LINK.matcher(Mailbox.text(mails.get(0)));
        assertThat(link.find()).as("invitation link in " + Mailbox.text(mails.get(0))).isTrue();

        // The volunteer opens it the next day: the application's time, not the machine's, makes the app's codes.
        TestClock.get().advance(Duration.ofDays(1));
        Ui ui = Ui.KO;
        Msg m = ui.msg();
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            join(page, BrowserEvents.local(link.group(), app), volunteer);

            // The door screen, in Korean at phone width: the volunteer's event only.
            assertThat(page).hasURL(app + "admin/checkin");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.checkin_title());
            assertThat(page.getByLabel(m.checkin_event(), exactly()).locator("option"))
                    .hasText(new String[]{m.status_all(), BrowserEvents.title(door, ui)});
            step(page, "door", "07-checkin", ui);
            fitsThePhone(page);

            search(page, m, attendee);
            Locator match = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(attendee));
            assertThat(match).hasCount(1);
            assertThat(match).containsText("당근마켓");
            assertThat(match).containsText("창업자");
            assertThat(match).containsText(ui.labels().status(RegistrationStatus.CONFIRMED));
            assertThat(match).not().containsText(attendeeEmail);
            assertThat(page.locator("main")).not().containsText("@");
            step(page, "door", "08-found", ui);
            fitsThePhone(page);

            Instant beforeCheckIn = TestClock.now();
            match.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(m.action_checkin()).setExact(true)).click();
            Locator result = page.getByRole(AriaRole.STATUS);
            assertThat(result).containsText(m.checkin_ok());
            assertThat(result).containsText(attendee);
            assertThat(result).not().containsText(attendeeEmail);
            step(page, "door", "09-checked-in", ui);
            fitsThePhone(page);
            assertThat(registration(seated).checkedInAt).isBetween(beforeCheckIn, TestClock.now());

            // Another event's person is not found, and the page says so.
            search(page, m, stranger);
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(m.checkin_no_match(stranger));
            assertThat(page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(stranger))).hasCount(0);
            step(page, "door", "10-not-found", ui);
            fitsThePhone(page);

            // Beyond the door: the export is refused in Korean, and the dashboard sends the volunteer back to the door.
            Response export = page.navigate(app + "admin/events/" + door.slug + "/attendees.csv?reason=test");
            assertThat(export.status()).isEqualTo(403);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.forbidden_title());
            assertThat(page.getByText(m.forbidden_text())).isVisible();
            step(page, "door", "11-forbidden", ui);
            fitsThePhone(page);

            page.navigate(app + "admin");
            assertThat(page).hasURL(app + "admin/checkin");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.checkin_title());
        }
        assertThat(registration(seated).status).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    /** The owner, signed in on an English laptop, invites a door volunteer for one event through the team page. */
    private void invite(String email, String name, Event event) {
        Ui ui = Ui.EN;
        Msg m = ui.msg();
        OrganizerTexts org = texts(OrganizerTexts.class, ui);
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin/team");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.login_title());
            step(page, "door", "00-owner-login", ui);
            page.getByLabel(m.login_username(), exactly()).fill("admin");
            page.getByLabel(m.login_password(), exactly()).fill("admin");
            page.getByRole(AriaRole.BUTTON, named(m.login_button())).click();
            page.navigate(app + "admin/team");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(org.team_title());
            step(page, "door", "01-team", ui);

            page.getByLabel(org.field_email(), exactly()).fill(email);
            page.getByLabel(org.field_name(), exactly()).fill(name);
            page.getByLabel(org.field_role(), exactly()).selectOption(new SelectOption().setLabel(org.role(Role.DOOR)));
            page.getByLabel(org.field_events(), exactly()).selectOption(event.slug);
            page.getByRole(AriaRole.BUTTON, named(org.invite_button())).click();

            assertThat(page.getByRole(AriaRole.STATUS)).hasText(org.done_invited());
            Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email));
            assertThat(row).containsText(name);
            assertThat(row).containsText(org.status(AccountStatus.INVITED));
            assertThat(row).containsText(event.slug);
            assertThat(wordsSplitInTables(page)).as("words broken in the middle on the team page").isEmpty();
            step(page, "door", "02-invited", ui);
        }
        Account invited = QuarkusTransaction.requiringNew().call(() -> Account.byEmail(email).orElseThrow());
        assertThat(invited.role).isEqualTo(Role.DOOR);
        assertThat(invited.allEvents).isFalse();
        assertThat(invited.events).containsExactly(event.slug);
    }

    /**
     * The volunteer opens the invitation on a Korean phone, chooses a password, types the app's code for the key
     * shown on the page (as an authenticator app would make it at the application's time), makes recovery codes,
     * and continues.
     */
    private void join(Page page, String invitation, String email) {
        Ui ui = Ui.KO;
        TeamTexts team = texts(TeamTexts.class, ui);
        SignInTexts signIn = texts(SignInTexts.class, ui);
        page.navigate(invitation);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(team.join_title());
        assertThat(page.getByText(email)).isVisible();
        step(page, "door", "03-join", ui);
        fitsThePhone(page);
        page.getByLabel(team.join_password(), exactly()).fill(PASSWORD);
        page.getByLabel(team.join_repeat(), exactly()).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, named(team.join_button())).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(signIn.enroll_title());
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(signIn.enroll_qr_alt()))).isVisible();
        step(page, "door", "04-enroll", ui);
        fitsThePhone(page);
        String key = page.locator("#totp-key").innerText();
        assertThat(key).matches("[A-Z2-7]{4}( [A-Z2-7]{1,4})+");
        page.getByLabel(signIn.enroll_code_label(), exactly()).fill(Totp.codeAt(key, TestClock.now()));
        page.getByRole(AriaRole.BUTTON, named(signIn.code_button())).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(signIn.recovery_title());
        step(page, "door", "05-recovery-offer", ui);
        fitsThePhone(page);
        page.getByRole(AriaRole.BUTTON, named(signIn.recovery_button())).click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        step(page, "door", "06-recovery-codes", ui);
        fitsThePhone(page);
        assertThat(page.getByRole(AriaRole.LINK, named(signIn.recovery_continue()))).hasCount(0);
        page.getByRole(AriaRole.LINK, named(signIn.recovery_continue_door())).click();
    }

    /** Searches as a door volunteer, whose search (and its label) leaves email addresses out. */
    private static void search(Page page, Msg m, String name) {
        page.getByLabel(m.checkin_search_door(), exactly()).fill(name);
        page.getByRole(AriaRole.BUTTON, named(m.filter_button())).click();
        assertThat(page.getByLabel(m.checkin_search_door(), exactly())).hasValue(name);
    }

    /**
     * The words in the page's list tables that are split across two lines (a word may break after its hyphen):
     * a column squeezed narrower than its longest word.
     */
    static List<String> wordsSplitInTables(Page page) {
        @SuppressWarnings("unchecked")
        List<String> split = (List<String>) page.evaluate("""
                () => {
                  const split = [];
                  for (const cell of document.querySelectorAll('table.list th, table.list td')) {
                    const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
                      for (const w of t.data.matchAll(/[^\\s-]+-?/g)) {
                        const r = document.createRange();
                        r.setStart(t, w.index);
                        r.setEnd(t, w.index + w[0].length);
                        const lines = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
                        if (lines.size > 1) split.push(w[0]);
                      }
                    }
                  }
                  return split;
                }""");
        return split;
    }
}
