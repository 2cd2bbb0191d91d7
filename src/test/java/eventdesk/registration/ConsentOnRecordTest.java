package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import eventdesk.web.Secrets;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sign-up notice on record: the page states purpose, items, retention (as configured), the right to
 * refuse and what refusing means, with the news-by-email consent as a separate unticked box; each
 * sign-up (form or API) stores when and to which version of the notice the person agreed; the
 * repository keeps every version's text under its hash; the organizer sees both on the attendee page
 * and in the API.
 */
@QuarkusTest
class ConsentOnRecordTest extends RestoresTestClock {

    static final Path KEPT = Path.of("src", "main", "resources", "consent");

    @Inject
    ConsentNotice notice;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    /**
     * Keeps the repository's record of notice texts complete: a wording with no file yet (a changed text
     * or a changed default retention) is written to {@code src/main/resources/consent/<version>.txt} and the
     * test fails, so the file is committed with the change that made it.
     */
    @Test
    void theRepositoryKeepsTheTextOfTheNoticeInForceUnderItsVersion() throws IOException {
        Path file = KEPT.resolve(notice.version() + ".txt");
        if (!Files.exists(file)) {
            Files.createDirectories(KEPT);
            Files.writeString(file, notice.document(), StandardCharsets.UTF_8);
            fail("The sign-up notice has a new text, version " + notice.version() + ". It was written to " + file
                    + ": commit it (registrations store the version, the file tells what it said). Run again to pass.");
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(notice.document());
        assertThat(Thread.currentThread().getContextClassLoader().getResource(ConsentNotice.FOLDER + notice.version() + ".txt"))
                .as("in the application, so a running instance knows it is kept").isNotNull();
    }

    @Test
    void everyKeptTextIsNamedByTheHashOfItsContent() throws IOException {
        try (Stream<Path> files = Files.list(KEPT)) {
            List<Path> kept = files.filter(f -> f.toString().endsWith(".txt")).toList();
            assertThat(kept).isNotEmpty();
            for (Path file : kept) {
                assertThat(file.getFileName().toString()).as(file.toString())
                        .isEqualTo(Secrets.sha256Hex(Files.readString(file, StandardCharsets.UTF_8)) + ".txt");
            }
        }
    }

    @Test
    void theVersionIsTheHashOfBothLanguagesAsShownWithTheRetentionFilledIn() {
        String document = notice.document();
        assertThat(notice.version()).isEqualTo(Secrets.sha256Hex(document)).hasSize(64);
        ConsentNotice.Text ko = notice.in(Locale.KOREAN), en = notice.in(Locale.ENGLISH);
        assertThat(ko.retention()).isEqualTo("보유 기간: 행사 종료 후 1년까지 보관 후 파기");
        assertThat(en.retention()).isEqualTo("Retention: until one year after the event, then deleted.");
        assertThat(document).startsWith(ko.title() + "\n").contains(ko.lines().toArray(String[]::new))
                .contains(en.lines().toArray(String[]::new)).endsWith(en.marketingAgree() + "\n");
        Msg msgKo = MessageBundles.get(Msg.class, Localized.Literal.of("ko")), msgEn = MessageBundles.get(Msg.class, Localized.Literal.of("en"));
        assertThat(ConsentNotice.period(Duration.ofDays(730), msgEn)).isEqualTo("2 years");
        assertThat(ConsentNotice.period(Duration.ofDays(730), msgKo)).isEqualTo("2년");
        assertThat(ConsentNotice.period(Duration.ofDays(90), msgEn)).isEqualTo("90 days");
        assertThat(ConsentNotice.period(Duration.ofHours(36), msgKo)).isEqualTo("36시간");
        assertThat(ConsentNotice.make(Duration.ofDays(730)).version()).as("another retention, another version")
                .isNotEqualTo(notice.version());
    }

    @Test
    void theSignUpPageStatesTheNoticeInItsLanguageWithMarketingAsASeparateUntickedBox() {
        Event event = TestEvents.create(10, true);
        for (String lang : List.of("ko", "en")) {
            ConsentNotice.Text t = notice.in(Locale.forLanguageTag(lang));
            String page = given().header("Accept-Language", lang).get("/events/" + event.slug).then().statusCode(200).extract().asString();
            for (String line : t.lines()) assertThat(page).as(lang).contains(escape(line));
            assertThat(page).containsPattern("<input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"true\" required")
                    .containsPattern("<input type=\"checkbox\" id=\"marketingConsent\" name=\"marketingConsent\" value=\"true\" aria-describedby=\"marketing-terms\">");
        }
    }

    @Test
    void theApiDescriptionStatesTheNoticeInForceAndItsVersion() {
        JsonPath api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String consent = api.getString("components.schemas.SignUp.properties.consent.description");
        String marketing = api.getString("components.schemas.SignUp.properties.marketingConsent.description");
        ConsentNotice.Text ko = notice.in(Locale.KOREAN), en = notice.in(Locale.ENGLISH);
        assertThat(consent).contains(notice.version(), en.purpose(), en.items(), en.retention(), en.refuse(),
                ko.purpose(), ko.items(), ko.retention(), ko.refuse());
        assertThat(marketing).contains(en.marketingTerms(), ko.marketingTerms(), "unticked");
    }

    /** As Qute escapes text into HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void eachSignUpStoresItsConsentTimeAndVersionAndTheOrganizerSeesThem() {
        Event event = TestEvents.create(10, true);
        String byForm = "form." + tag + "@example.com", byApi = "api." + tag + "@example.com";
        Instant before = eventdesk.testing.TestClock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        assertThat(Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                Map.of("name", "Form Person", "email", byForm, "affiliation", "Toss", "role", "FOUNDER", "locale", "ko",
                        "consent", "true", "marketingConsent", "true"), "ko").statusCode()).isEqualTo(303);
        given().contentType("application/json").body(TestEvents.signUpJson("Api Person", byApi, "en"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);

        Registration form = TestEvents.byEmail(event, byForm), api = TestEvents.byEmail(event, byApi);
        for (Registration r : List.of(form, api)) {
            assertThat(r.consentVersion).as(r.email).isEqualTo(notice.version());
            assertThat(r.consentAt).as(r.email).isBetween(before, eventdesk.testing.TestClock.now());
        }
        assertThat(form.marketingConsentAt).isEqualTo(form.consentAt);
        assertThat(api.marketingConsentAt).isNull();

        // The organizer's API: the consents on record, times in KST.
        JsonPath json = given().auth().preemptive().basic("admin", "admin").get("/api/admin/events/" + event.slug + "/registrations")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> formJson = json.getMap("find { it.email == '" + byForm + "' }");
        assertThat(formJson).containsEntry("consentVersion", notice.version()).containsEntry("marketingConsent", true)
                .containsEntry("marketingWithdrawnAt", null);
        assertThat(OffsetDateTime.parse((String) formJson.get("consentAt")).toInstant()).isEqualTo(form.consentAt);
        assertThat((String) formJson.get("consentAt")).endsWith("+09:00");
        assertThat(OffsetDateTime.parse((String) formJson.get("marketingConsentAt")).toInstant()).isEqualTo(form.marketingConsentAt);
        Map<String, Object> apiJson = json.getMap("find { it.email == '" + byApi + "' }");
        assertThat(apiJson).containsEntry("consentVersion", notice.version()).containsEntry("marketingConsentAt", null);

        // The attendee page: each row's consents.
        String page = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en")
                .get("/admin/events/" + event.slug).then().statusCode(200).extract().asString();
        assertThat(page).contains("Consents", "Sign-up notice agreed", "Notice version", "<code class=\"hash\">" + notice.version() + "</code>",
                "News by email", "agreed " + eventdesk.web.Kst.dateTime(form.marketingConsentAt, Locale.ENGLISH), "not agreed",
                eventdesk.web.Kst.dateTime(api.consentAt, Locale.ENGLISH));
    }
}
