package eventdesk.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import eventdesk.web.EventdeskConfig;

/**
 * The outbox relay: sends due messages through SMTP, marks them sent, retries failures with
 * exponential backoff and gives up after {@code eventdesk.outbox.max-attempts} into DEAD (logged
 * and counted). Rows are taken FOR UPDATE SKIP LOCKED, so any number of instances may relay at once
 * and each message is sent once in normal operation.
 */
@ApplicationScoped
@Startup
public class Outbox {

    /** Retries back off exponentially up to one hour apart, so a day-long SMTP outage loses nothing. */
    static final Duration MAX_WAIT = Duration.ofHours(1);

    @Inject
    Mailer mailer;
    @Inject
    Clock clock;
    @Inject
    EventdeskConfig config;
    @Inject
    MeterRegistry metrics;

    @PostConstruct
    void gauges() {
        metrics.gauge("eventdesk.outbox.pending", this, o -> o.safeCount(OutboxMessage.Status.PENDING));
        metrics.gauge("eventdesk.outbox.dead", this, o -> o.safeCount(OutboxMessage.Status.DEAD));
    }

    @Scheduled(every = "${eventdesk.outbox.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void relayJob() {
        try {
            relay();
        } catch (RuntimeException e) {
            Log.error("Outbox relay run failed; the next run retries", e);
        }
    }

    /**
     * Sends everything that was due when the run began; returns how many messages were sent.
     * Each message goes in a transaction of its own, so a slow SMTP server never holds a batch
     * past the transaction timeout (which would roll back marks of mails already delivered).
     */
    public int relay() {
        Instant start = Instant.now(clock);
        int sent = 0;
        Attempt attempt;
        while ((attempt = sendNext(start)) != Attempt.NONE_DUE) {
            if (attempt == Attempt.SENT) sent++;
        }
        return sent;
    }

    enum Attempt { NONE_DUE, SENT, FAILED }

    /** Locks one due message (FOR UPDATE SKIP LOCKED), sends it and records the outcome. */
    @Transactional
    Attempt sendNext(Instant dueBy) {
        List<OutboxMessage> due = OutboxMessage.lockDue(dueBy, 1);
        if (due.isEmpty()) return Attempt.NONE_DUE;
        OutboxMessage m = due.get(0);
        Instant now = Instant.now(clock);
        try {
            mailer.send(toMail(m));
        } catch (RuntimeException e) {
            failed(m, e, now);
            return Attempt.FAILED;
        }
        m.status = OutboxMessage.Status.SENT;
        m.sentAt = now;
        m.attempts++;
        m.bodyHtml = null;
        m.bodyText = null;
        m.qrData = null;
        m.ics = null;
        m.lastError = null;
        metrics.counter("eventdesk.emails", "result", "sent").increment();
        return Attempt.SENT;
    }

    private void failed(OutboxMessage m, RuntimeException e, Instant now) {
        m.attempts++;
        String reason = String.valueOf(e.getMessage());
        m.lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        if (m.attempts >= config.outbox().maxAttempts()) {
            m.status = OutboxMessage.Status.DEAD;
            metrics.counter("eventdesk.emails", "result", "dead").increment();
            Log.errorf("Mail %d (%s to registration %s) is dead after %d attempts: %s", m.id, m.kind,
                    m.registrationId, m.attempts, m.lastError);
        } else {
            Duration wait = config.outbox().firstRetry().multipliedBy(1L << Math.min(m.attempts - 1, 16));
            if (wait.compareTo(MAX_WAIT) > 0) wait = MAX_WAIT;
            m.nextAttemptAt = now.plus(wait);
            metrics.counter("eventdesk.emails", "result", "failed").increment();
            Log.warnf("Mail %d (%s) failed, attempt %d, retry in %s: %s", m.id, m.kind, m.attempts, wait, m.lastError);
        }
    }

    static Mail toMail(OutboxMessage m) {
        Mail mail = new Mail().addTo(m.recipient).setSubject(m.subject).setText(m.bodyText).setHtml(m.bodyHtml);
        if (m.qrData != null) {
            mail.addInlineAttachment("ticket-qr.png", QrCode.png(m.qrData, 320), "image/png", "<ticket-qr@eventdesk>");
        }
        if (m.ics != null) {
            mail.addAttachment(m.icsName == null ? "event.ics" : m.icsName, m.ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=PUBLISH");
        }
        return mail;
    }

    /** For the gauges: a read outside any transaction; -1 while the database cannot answer. */
    long safeCount(OutboxMessage.Status status) {
        try {
            return OutboxMessage.countByStatus(status);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
