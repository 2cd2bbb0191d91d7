package eventdesk.mail;

import eventdesk.web.EmailAddress;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.ShuttingDown;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The transactional outbox. {@link #enqueue} writes a mail as a small row inside the caller's
 * transaction, so a mail exists exactly when the change that made it due commits. The relay renders
 * each due row with its feature's {@link MailRenderer} and sends it
 * through SMTP, marks them sent, retries failures with exponential backoff (capped at one hour) and
 * gives up after {@code eventdesk.outbox.max-attempts} into DEAD (logged and counted). Rows are
 * taken FOR UPDATE SKIP LOCKED, so several relay workers, in one instance or many, each send
 * different rows and every mail goes out once in normal operation.
 */
@ApplicationScoped
@Startup
public class Outbox {

    /** Retries back off exponentially up to one hour apart, so a day-long SMTP outage loses nothing. */
    static final Duration MAX_WAIT = Duration.ofHours(1);

    @Inject
    SmtpTransport smtp;
    @Inject
    Clock clock;
    @Inject
    EventdeskConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    Instance<MailRenderer> renderers;

    private ExecutorService workers;
    private volatile boolean stopping;
    private final List<BooleanSupplier> busy = new CopyOnWriteArrayList<>();

    @PostConstruct
    void start() {
        workers = Executors.newFixedThreadPool(config.outbox().workers(), r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        metrics.gauge("eventdesk.outbox.pending", this, o -> o.safeCount(OutboxMessage.Status.PENDING));
        metrics.gauge("eventdesk.outbox.dead", this, o -> o.safeCount(OutboxMessage.Status.DEAD));
    }

    /**
     * On shutdown the relay stops taking mails and lets each worker finish the batch it is sending (its
     * transaction commits what was sent), for up to {@link #STOP_WAIT}; what is left waits in the outbox for the
     * next start. This runs before the database closes, so no batch is cut off half-way.
     */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                Log.warnf("Outbox relay still sending after %s of shutdown", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long shutdown waits for the relay's batches in flight. */
    static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(8);

    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdownNow();
    }

    /**
     * Writes the mail into the outbox, in the caller's transaction; the relay sends it after the
     * commit. It is due now by the outbox's clock, whatever time the caller's change was made at.
     */
    public void enqueue(OutgoingMail mail) {
        enqueue(mail, Instant.now(clock));
    }

    /**
     * Writes the mail into the outbox, in the caller's transaction, due at {@code dueAt} (not
     * before): a large send spreads its rows over time so the relay does not swamp the mail server,
     * and mails due earlier (sign-ups) go out in between. Returns the row, for a record of what went where.
     */
    public OutboxMessage enqueue(OutgoingMail mail, Instant dueAt) {
        Instant now = Instant.now(clock);
        OutboxMessage m = new OutboxMessage();
        m.ownerId = mail.ownerId();
        m.kind = mail.kind().name();
        m.recipient = mail.recipient();
        m.subject = mail.subject();
        m.params = OutboxMessage.encode(mail.params());
        m.status = OutboxMessage.Status.PENDING;
        m.attempts = 0;
        m.createdAt = now;
        m.nextAttemptAt = dueAt;
        m.persist();
        return m;
    }

    /**
     * Lets more urgent work go first: while {@code condition} holds (say, a crowd waits for its
     * seats), relay runs send nothing; mails wait in the outbox a few seconds longer.
     */
    public void pauseWhile(BooleanSupplier condition) {
        busy.add(condition);
    }

    private boolean paused() {
        for (BooleanSupplier b : busy) if (b.getAsBoolean()) return true;
        return false;
    }

    /**
     * Forgets whom these owners' mails went to and what they said, in the caller's transaction: mails not
     * sent (waiting or given up) are deleted; a sent one keeps only its kind, subject and times, its
     * recipient, links and kept bodies cleared, so a record of what was sent when stays without a person.
     */
    public void erase(Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) return;
        OutboxMessage.delete("ownerId in ?1 and status <> ?2", ownerIds, OutboxMessage.Status.SENT);
        OutboxMessage.update("recipient = '', params = null, bodyText = null, bodyHtml = null, qrData = null, ics = null,"
                + " icsName = null, lastError = null where ownerId in ?1", ownerIds);
    }

    /**
     * {@link #erase} for mails of {@code kind} that belong to no row but went to these addresses (say, an
     * invitation code mailed to a person before they signed up).
     */
    public void eraseTo(Enum<?> kind, Collection<String> recipients) {
        if (recipients.isEmpty()) return;
        OutboxMessage.delete("kind = ?1 and recipient in ?2 and status <> ?3", kind.name(), recipients, OutboxMessage.Status.SENT);
        OutboxMessage.update("recipient = '', params = null, bodyText = null, bodyHtml = null, qrData = null, ics = null,"
                + " icsName = null, lastError = null where kind = ?1 and recipient in ?2", kind.name(), recipients);
    }

    @Scheduled(every = "${eventdesk.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = ShuttingDown.class)
    void relayJob() {
        try {
            relay();
        } catch (RuntimeException e) {
            Log.error("Outbox relay run failed; the next run retries", e);
        }
    }

    /**
     * Sends everything that was due when the run began, with {@code eventdesk.outbox.workers}
     * workers in parallel; returns how many messages were sent. Each message goes in a transaction
     * of its own, so a slow SMTP server never holds a batch past the transaction timeout.
     */
    public int relay() {
        if (stopping) return 0;
        Instant start = Instant.now(clock);
        AtomicInteger sent = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < config.outbox().workers(); i++) {
            try {
                running.add(workers.submit(() -> {
                    List<Attempt> attempts;
                    while (!stopping && !paused() && !(attempts = sendNext(start)).contains(Attempt.NONE_DUE)) {
                        sent.addAndGet((int) attempts.stream().filter(a -> a == Attempt.SENT).count());
                    }
                }));
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                break;
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                Log.error("Outbox relay worker failed; the next run retries", e.getCause());
            }
        }
        return sent.get();
    }

    enum Attempt { NONE_DUE, SENT, FAILED, DROPPED }

    /** Mails one relay transaction takes; with the 30 s SMTP timeout the transaction stays under its limit. */
    static final int BATCH = 10;

    /**
     * Locks up to {@link #BATCH} due messages (FOR UPDATE SKIP LOCKED), sends each and records each
     * outcome, in one transaction: other relays take other rows meanwhile.
     */
    @Transactional
    @TransactionConfiguration(timeout = 30 * BATCH + 60)
    List<Attempt> sendNext(Instant dueBy) {
        List<OutboxMessage> due = OutboxMessage.lockDue(dueBy, BATCH);
        if (due.isEmpty()) return List.of(Attempt.NONE_DUE);
        List<Attempt> attempts = new ArrayList<>(due.size());
        for (OutboxMessage m : due) attempts.add(send(m));
        return attempts;
    }

    private Attempt send(OutboxMessage m) {
        Instant now = Instant.now(clock);
        if (!EmailAddress.isValid(m.recipient)) {
            // No retry can deliver to an address the mailer cannot send to (a row from before validation).
            m.attempts = config.outbox().maxAttempts() - 1;
            failed(m, new IllegalStateException("undeliverable address"), now);
            return Attempt.FAILED;
        }
        try {
            Map<String, String> headers = render(m);
            smtp.send(toMail(m, messageIdDomain(), headers));
        } catch (MailRenderer.NotDue e) {
            dropped(m, e.getMessage());
            return Attempt.DROPPED;
        } catch (RuntimeException e) {
            failed(m, e, now);
            return Attempt.FAILED;
        }
        m.status = OutboxMessage.Status.SENT;
        m.sentAt = now;
        m.attempts++;
        m.lastError = null;
        if (!config.outbox().keepSentBodies()) {
            m.params = null;
            m.bodyHtml = null;
            m.bodyText = null;
            m.qrData = null;
            m.ics = null;
        }
        metrics.counter("eventdesk.emails", "result", "sent").increment();
        return Attempt.SENT;
    }

    /**
     * Fills in the body from the renderer of the mail's kind (rows written before V5 carry their body);
     * returns the mail's own header fields, which are made afresh at each attempt and never stored.
     */
    private Map<String, String> render(OutboxMessage m) {
        if (m.bodyText != null && m.params == null) return Map.of();
        MailRenderer renderer = renderers.stream().filter(r -> r.renders(m.kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no renderer for mail kind " + m.kind));
        MailRenderer.Rendered body = renderer.render(m.kind, m.ownerId, m.params());
        m.bodyHtml = body.html();
        m.bodyText = body.text();
        m.qrData = body.qrData();
        m.ics = body.ics();
        m.icsName = body.icsName();
        return body.headers();
    }

    /** A mail its renderer no longer wants sent: kept as a record of what was not sent and why, without its body. */
    private void dropped(OutboxMessage m, String reason) {
        m.status = OutboxMessage.Status.DROPPED;
        m.attempts++;
        m.lastError = reason;
        m.params = null;
        m.bodyHtml = null;
        m.bodyText = null;
        m.qrData = null;
        m.ics = null;
        metrics.counter("eventdesk.emails", "result", "dropped").increment();
        Log.debugf("Mail %d (%s) not sent: %s", m.id, m.kind, reason);
    }

    private void failed(OutboxMessage m, RuntimeException e, Instant now) {
        m.attempts++;
        if (m.params != null) {
            // rendered again at the next attempt
            m.bodyHtml = null;
            m.bodyText = null;
            m.qrData = null;
            m.ics = null;
        }
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        m.lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        if (m.attempts >= config.outbox().maxAttempts()) {
            m.status = OutboxMessage.Status.DEAD;
            metrics.counter("eventdesk.emails", "result", "dead").increment();
            Log.errorf("Mail %d (%s of owner %s) is dead after %d attempts: %s", m.id, m.kind, m.ownerId,
                    m.attempts, m.lastError);
        } else {
            Duration wait = backoff(config.outbox().firstRetry(), m.attempts);
            m.nextAttemptAt = now.plus(wait);
            metrics.counter("eventdesk.emails", "result", "failed").increment();
            Log.warnf("Mail %d (%s) failed, attempt %d, retry in %s: %s", m.id, m.kind, m.attempts, wait, m.lastError);
        }
    }

    /** The wait after the given number of failed attempts: first, doubling each time, never over {@link #MAX_WAIT}. */
    static Duration backoff(Duration first, int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** Message-IDs name our own domain (the host of eventdesk.base-url), not the machine's name. */
    private String messageIdDomain() {
        String host = java.net.URI.create(config.baseUrl()).getHost();
        return host == null ? "eventdesk.invalid" : host;
    }

    static Mail toMail(OutboxMessage m, String messageIdDomain, Map<String, String> headers) {
        // A subject is one line, whatever an old event title held (a CR/LF would break the header).
        String subject = m.subject.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
        Mail mail = new Mail().addTo(m.recipient).setSubject(subject).setText(m.bodyText).setHtml(m.bodyHtml)
                .addHeader("Message-ID", "<" + UUID.randomUUID() + "@" + messageIdDomain + ">");
        headers.forEach(mail::addHeader);
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
