package eventdesk.mydata;

import eventdesk.audit.AccessLog;
import eventdesk.registration.Erasure;
import eventdesk.registration.Registration;
import eventdesk.web.EmailAddress;
import eventdesk.web.Secrets;
import eventdesk.web.ShuttingDown;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Who may see a person's registrations: whoever reads that address's mail. A link mailed to the address
 * opens a session once, within {@link #LINK_LIFE}; the session lasts {@link #SESSION_LIFE}. Links and
 * sessions are rows (only SHA-256 of their secrets), so every instance honours them.
 *
 * <p>Asking for a link answers the same, in the same time, whether the address has registrations or
 * not: the request is only queued ({@link #requestLink}), and a worker looks the address up and writes
 * the link and its mail afterwards.
 */
@ApplicationScoped
public class MyDataAccess {

    static final Duration LINK_LIFE = Duration.ofMinutes(15);
    static final Duration SESSION_LIFE = Duration.ofMinutes(30);

    @Inject
    Clock clock;
    @Inject
    MyDataMail mails;
    @Inject
    Erasure erasure;

    private ExecutorService worker;

    @PostConstruct
    void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "my-data-links");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The key an address is known by here: the mailer's form of it, lower case. */
    static String key(String email) {
        return Registration.normalizeEmail(EmailAddress.normalize(email).orElse(email));
    }

    /**
     * Queues a link for {@code email} (a valid address) and returns at once: the worker writes the link and
     * its mail, in the person's language, only when the address has registrations. Requests are handled
     * one after another, in the order they came.
     */
    public void requestLink(String email, Instant now) {
        worker.execute(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> sendLink(email, now));
            } catch (RuntimeException e) {
                Log.error("Writing a link to a person's registrations failed", e);
            }
        });
    }

    /** Writes the link and its mail (to the address as typed) when the address has registrations. */
    void sendLink(String email, Instant now) {
        List<Registration> found = Registration.ofPerson(email);
        if (found.isEmpty()) return;
        String secret = Secrets.newSecret();
        MyDataLink link = new MyDataLink();
        link.tokenHash = Secrets.sha256Hex(secret);
        link.email = key(email);
        link.createdAt = now;
        link.expiresAt = now.plus(LINK_LIFE);
        link.persist();
        Registration latest = found.get(found.size() - 1);
        mails.link(latest.id, EmailAddress.normalize(email).orElse(email), latest.locale, secret, link.expiresAt);
    }

    /** The link behind a secret, if it can still open a session (the page that shows its button). */
    @Transactional
    public boolean linkUsable(String secret, Instant now) {
        return link(secret).filter(l -> l.usableAt(now)).isPresent();
    }

    /**
     * Uses a link: once, before it expires (a conditional update, so two clicks at once open one session),
     * and only while its address still has registrations. Returns the new session's secret.
     */
    @Transactional
    public Optional<String> open(String secret, Instant now) {
        Optional<MyDataLink> link = link(secret);
        if (link.isEmpty()) return Optional.empty();
        int used = MyDataLink.update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, link.get().tokenHash);
        if (used != 1 || Registration.ofPerson(link.get().email).isEmpty()) return Optional.empty();
        String session = Secrets.newSecret();
        MyDataSession s = new MyDataSession();
        s.tokenHash = Secrets.sha256Hex(session);
        s.email = link.get().email;
        s.startedAt = now;
        s.expiresAt = now.plus(SESSION_LIFE);
        s.persist();
        return Optional.of(session);
    }

    /** The address of the session behind a cookie's secret, while it lasts. */
    @Transactional
    public Optional<Session> session(String secret, Instant now) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) return Optional.empty();
        return MyDataSession.<MyDataSession>findByIdOptional(Secrets.sha256Hex(secret))
                .filter(s -> now.isBefore(s.expiresAt)).map(s -> new Session(s.email, s.expiresAt));
    }

    /** A live session: whose registrations it shows, and until when. */
    public record Session(String email, Instant until) {
    }

    /** Ends the session behind a cookie's secret. */
    @Transactional
    public void end(String secret) {
        if (secret != null) MyDataSession.deleteById(Secrets.sha256Hex(secret));
    }

    /**
     * Erases the person's data ({@link Erasure#erasePerson}) and, in the same transaction, ends every
     * session of the address and deletes its links. Returns the registrations erased.
     */
    @Transactional
    public List<Long> erase(String email, Instant now, AccessLog.Entry by) {
        List<Long> erased = erasure.erasePerson(email, now, by);
        MyDataSession.delete("email", email);
        MyDataLink.delete("email", email);
        return erased;
    }

    /** Deletes links and sessions that can no longer be used. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ShuttingDown.class)
    void forgetOld() {
        QuarkusTransaction.requiringNew().run(() -> forgetBefore(Instant.now(clock)));
    }

    void forgetBefore(Instant now) {
        MyDataLink.delete("expiresAt < ?1", now);
        MyDataSession.delete("expiresAt < ?1", now);
    }

    private static Optional<MyDataLink> link(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) return Optional.empty();
        return MyDataLink.findByIdOptional(Secrets.sha256Hex(secret));
    }
}
