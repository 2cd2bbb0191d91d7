package eventdesk.admin;

import eventdesk.mail.MailRenderer;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutgoingMail;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Role;
import eventdesk.web.EmailAddress;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.ShuttingDown;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The monthly review of downloads: early each month (KST) every ACTIVE OWNER gets a mail listing last
 * month's downloads of attendee data (the downloads page of that month), in Korean and English (an
 * account has no language). The job runs every hour; the first run from the 1st on sends the month's
 * review, in one transaction with a {@link DownloadReview} row for the month, so the review goes out
 * once however often and on however many instances the job runs. A review that could not go out on
 * the 1st (the app was down) still goes out in the first {@value #CATCH_UP_DAYS} days of the month,
 * never later. The mail is rendered when sent, from the access log, which keeps that month as it was.
 */
@ApplicationScoped
public class DownloadReviewMail implements MailRenderer {

    public enum Kind { DOWNLOAD_REVIEW }

    static final int CATCH_UP_DAYS = 7;
    /** Downloads a mail lists; the page lists them all. */
    static final int LISTED = 100;
    static final String MONTH = "month";

    @Inject
    Outbox outbox;
    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;

    /** One language's text of the mail. */
    public record Text(String lang, String subject, String intro, String empty, String more, String open,
                       String at, String account, String event, String rows, String reason) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code DownloadReviewMail/review.html} or {@code .txt}, by the selected variant. */
        static native TemplateInstance review(List<Text> texts, List<Download> downloads, String link);
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ShuttingDown.class)
    void hourly() {
        try {
            int sent = sendDue();
            if (sent > 0) Log.infof("Mailed the review of last month's downloads to %d owners", sent);
        } catch (RuntimeException e) {
            Log.warnf("Could not mail the review of last month's downloads; the next run tries again: %s", e.getMessage());
        }
    }

    /**
     * Writes last month's review for every ACTIVE OWNER into the outbox, when it is due (the first
     * {@value #CATCH_UP_DAYS} days of a month, KST) and not yet written; returns how many mails it wrote.
     */
    public int sendDue() {
        ZonedDateTime now = Instant.now(clock).atZone(Kst.ZONE);
        if (now.getDayOfMonth() > CATCH_UP_DAYS) return 0;
        YearMonth month = YearMonth.from(now).minusMonths(1);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (DownloadReview.sent(month)) return 0;
                List<String> owners = Account.<Account>list("role = ?1 and status = ?2 order by id", Role.OWNER, AccountStatus.ACTIVE)
                        .stream().map(a -> a.email).filter(EmailAddress::isValid).toList();
                DownloadReview.mark(month, now.toInstant(), owners.size());
                for (String owner : owners) {
                    outbox.enqueue(new OutgoingMail(Kind.DOWNLOAD_REVIEW, 0, owner, subject(month), Map.of(MONTH, month.toString())));
                }
                return owners.size();
            });
        } catch (RuntimeException e) {
            // Another instance wrote the month's review at the same moment: its row's key refused ours.
            if (QuarkusTransaction.requiringNew().call(() -> DownloadReview.sent(month))) return 0;
            throw e;
        }
    }

    static String subject(YearMonth month) {
        return texts("ko").review_subject(month.toString()) + " / " + texts("en").review_subject(month.toString());
    }

    @Override
    public boolean renders(String kind) {
        return MailRenderer.isOneOf(Kind.values(), kind);
    }

    @Override
    public Rendered render(String kind, long ownerId, Map<String, String> p) {
        YearMonth month = YearMonth.parse(p.get(MONTH));
        List<Download> all = Download.in(month);
        List<Text> texts = List.of("ko", "en").stream().map(lang -> {
            OrganizerTexts t = texts(lang);
            return new Text(lang, t.review_subject(month.toString()), t.review_intro(all.size(), month.toString()),
                    t.downloads_empty(), all.size() > LISTED ? t.review_more(all.size() - LISTED) : null, t.review_open(),
                    t.col_time(), t.col_account(), t.col_event(), t.col_rows(), t.col_reason());
        }).toList();
        String link = config.baseUrl() + "/admin/audit/downloads?month=" + month;
        return MailRenderer.pair(() -> Templates.review(texts, all.subList(0, Math.min(all.size(), LISTED)), link), null);
    }

    private static OrganizerTexts texts(String lang) {
        return MessageBundles.get(OrganizerTexts.class, Localized.Literal.of(lang));
    }
}
