package eventdesk.attendance;

import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.registration.AccessToken;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationException.InvalidLink;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.ShuttingDown;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Before the day: the "still coming?" mail (reconfirmation), the reminder with the ticket, and the
 * optional automatic release of people who did not answer.
 *
 * <p>Exactly once per person: each run locks the event row (the lock every seat change takes), reads
 * who is due, and sets each person's sent marker in the same transaction as the mail's outbox row.
 * A second instance (or a restart, or the next run) waits for the lock and then finds the markers
 * set. The status is read under that lock, so nobody who cancelled or expired meanwhile is mailed.
 *
 * <p>When (per event, leads from {@link #reconfirmLead} and {@link #reminderLead}):
 * <ul>
 *   <li>"still coming?" goes out from {@code start - reconfirm lead} until the reminder time (or the
 *       start when reminders are off), to CONFIRMED people who confirmed before {@code start -
 *       reconfirm lead} (someone who just confirmed has just answered). Switched on late, after that
 *       period, it sends nothing: the reminder carries the release link instead;</li>
 *   <li>the reminder goes out from {@code start - reminder lead} until the start, to CONFIRMED
 *       people who confirmed before {@code start - reminder lead} (later ones just got their ticket);</li>
 *   <li>the automatic release (off unless the event asks for it) frees, before the start, the seats
 *       of CONFIRMED people who have not answered by the deadline their "still coming?" mail named.
 *       A mail names the deadline ({@code start - deadline lead}) only when the event releases
 *       automatically and it is sent at least {@link #MIN_ANSWER_TIME} before the deadline, so nobody
 *       loses a seat without a warning and time to answer.</li>
 * </ul>
 * Cancelled and draft events get nothing.
 */
@ApplicationScoped
@Named("attendance")
public class Attendance {

    /** The answer deadline's default lead before the start, when an event releases automatically. */
    public static final Duration DEFAULT_DEADLINE_BEFORE = Duration.ofHours(48);
    /** A mail names the deadline only if it leaves at least this long to answer. */
    public static final Duration MIN_ANSWER_TIME = Duration.ofHours(12);
    /** People handled per transaction, so a large event holds its lock only briefly at a time. */
    static final int CHUNK = 200;

    @Inject
    EventdeskConfig config;
    @Inject
    AttendanceMails mails;
    @Inject
    RegistrationService registrations;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;

    @Inject
    ShuttingDown shuttingDown;

    public Duration reconfirmLead(Event e) {
        return e.reconfirmBefore != null ? e.reconfirmBefore : config.reconfirmBefore();
    }

    public Duration reminderLead(Event e) {
        return e.reminderBefore != null ? e.reminderBefore : config.reminderBefore();
    }

    public Duration deadlineLead(Event e) {
        return e.reconfirmDeadlineBefore != null ? e.reconfirmDeadlineBefore : DEFAULT_DEADLINE_BEFORE;
    }

    /** eventdesk.reconfirm-before: the lead of events without their own. */
    public Duration defaultReconfirmLead() {
        return config.reconfirmBefore();
    }

    /** For the event form's hints: the server's defaults in hours. */
    public long defaultReconfirmHours() {
        return config.reconfirmBefore().toHours();
    }

    public long defaultReminderHours() {
        return config.reminderBefore().toHours();
    }

    public long defaultDeadlineHours() {
        return DEFAULT_DEADLINE_BEFORE.toHours();
    }

    /** Whether "still coming?" mails are due for this event now. */
    boolean reconfirmDue(Event e, Instant now) {
        Duration lead = reconfirmLead(e);
        if (!takesMail(e) || !positive(lead)) return false;
        Duration reminder = reminderLead(e);
        Instant until = positive(reminder) && reminder.compareTo(lead) < 0 ? e.startsAt.minus(reminder) : e.startsAt;
        return !now.isBefore(e.startsAt.minus(lead)) && now.isBefore(until);
    }

    boolean reminderDue(Event e, Instant now) {
        Duration lead = reminderLead(e);
        return takesMail(e) && positive(lead) && !now.isBefore(e.startsAt.minus(lead)) && now.isBefore(e.startsAt);
    }

    /**
     * Releases happen between the event's current deadline and the start; each person's own named
     * deadline must have passed too (a postponed event releases nobody before its new deadline).
     */
    boolean releaseDue(Event e, Instant now) {
        return takesMail(e) && e.autoReleaseUnanswered && now.isBefore(e.startsAt)
                && !now.isBefore(e.startsAt.minus(deadlineLead(e)));
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }

    private static boolean takesMail(Event e) {
        return e.status == EventStatus.published;
    }

    @Scheduled(every = "${eventdesk.attendance.interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "10s", skipExecutionIf = ShuttingDown.class)
    void job() {
        Instant now = Instant.now(clock);
        List<Event> upcoming = QuarkusTransaction.requiringNew().call(() ->
                Event.<Event>list("status = ?1 and startsAt > ?2", EventStatus.published, now));
        for (Event e : upcoming) {
            if (shuttingDown.now()) return;
            try {
                if (releaseDue(e, now)) releaseUnanswered(e.id, now);
                if (reconfirmDue(e, now)) sendReconfirmations(e.id, now);
                if (reminderDue(e, now)) sendReminders(e.id, now);
            } catch (RuntimeException failed) {
                Log.errorf(failed, "Mails before the day of event %d failed; the next run retries", e.id);
            }
        }
    }

    /** Sends the event's due "still coming?" mails as of {@code now}; returns how many. */
    public int sendReconfirmations(long eventId, Instant now) {
        return inChunks(() -> reconfirmChunk(eventId, now));
    }

    /** Sends the event's due reminders as of {@code now}; returns how many. */
    public int sendReminders(long eventId, Instant now) {
        return inChunks(() -> reminderChunk(eventId, now));
    }

    /** Releases the seats of people who did not answer by their deadline, as of {@code now}; returns how many. */
    public int releaseUnanswered(long eventId, Instant now) {
        return inChunks(() -> releaseChunk(eventId, now));
    }

    private int inChunks(Supplier<Integer> chunk) {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(chunk::get);
            total += n;
        } while (n == CHUNK && !shuttingDown.now());
        return total;
    }

    private int reconfirmChunk(long eventId, Instant now) {
        Event e = Event.lock(eventId);
        if (e == null || !reconfirmDue(e, now)) return 0;
        List<Registration> due = Registration.<Registration>find("event = ?1 and status = ?2 and reconfirmSentAt is null"
                        + " and reconfirmedAt is null and checkedInAt is null and (confirmedAt is null or confirmedAt < ?3)"
                        + " order by id", e, RegistrationStatus.CONFIRMED, e.startsAt.minus(reconfirmLead(e)))
                .page(0, CHUNK).list();
        Instant deadline = e.autoReleaseUnanswered ? e.startsAt.minus(deadlineLead(e)) : null;
        if (deadline != null && now.plus(MIN_ANSWER_TIME).isAfter(deadline)) deadline = null;
        for (Registration r : due) {
            r.reconfirmSentAt = now;
            r.reconfirmDeadline = deadline;
            mails.reconfirm(r, AccessToken.issue(r, Purpose.ATTENDANCE, now), AccessToken.issue(r, Purpose.MANAGE, now),
                    deadline);
        }
        metrics.counter("eventdesk.attendance.mails", "kind", "reconfirm").increment(due.size());
        return due.size();
    }

    private int reminderChunk(long eventId, Instant now) {
        Event e = Event.lock(eventId);
        if (e == null || !reminderDue(e, now)) return 0;
        List<Registration> due = Registration.<Registration>find("event = ?1 and status = ?2 and reminderSentAt is null"
                        + " and checkedInAt is null and (confirmedAt is null or confirmedAt < ?3) order by id",
                e, RegistrationStatus.CONFIRMED, e.startsAt.minus(reminderLead(e))).page(0, CHUNK).list();
        for (Registration r : due) {
            r.reminderSentAt = now;
            String manage = AccessToken.issue(r, Purpose.MANAGE, now);
            mails.reminder(r, AccessToken.checkInCode(manage), manage, AccessToken.issue(r, Purpose.ATTENDANCE, now));
        }
        metrics.counter("eventdesk.attendance.mails", "kind", "reminder").increment(due.size());
        return due.size();
    }

    private int releaseChunk(long eventId, Instant now) {
        Event e = Event.lock(eventId);
        if (e == null || !releaseDue(e, now)) return 0;
        List<Registration> due = Registration.<Registration>find("event = ?1 and status = ?2 and reconfirmedAt is null"
                        + " and checkedInAt is null and reconfirmDeadline <= ?3 order by id",
                e, RegistrationStatus.CONFIRMED, now).page(0, CHUNK).list();
        int released = 0;
        for (Registration r : due) {
            Instant deadline = r.reconfirmDeadline;
            if (registrations.releaseSeat(r.id, now)) {
                mails.autoReleased(r, deadline);
                released++;
            }
        }
        metrics.counter("eventdesk.attendance.released").increment(released);
        return due.size();
    }

    /** The registration behind an answer link, as it is now. */
    @Transactional
    public Registration show(String token) {
        return resolve(token);
    }

    /**
     * "I'll be there": recorded once, for a CONFIRMED person, under the event lock so that an
     * automatic release at the same instant either sees the answer or happened before it.
     */
    @Transactional
    public Registration attend(String token, Instant now) {
        Registration r = resolve(token);
        Event.lock(r.event.id);
        Registration.getEntityManager().refresh(r);
        if (r.status == RegistrationStatus.CONFIRMED && r.reconfirmedAt == null) r.reconfirmedAt = now;
        return r;
    }

    /**
     * "Release my seat": the registration service's cancel, in this transaction, so the seat goes to
     * the first person on the waitlist at once and the person gets the cancellation mail.
     */
    @Transactional
    public Registration release(String token, Instant now) {
        Registration r = resolve(token);
        return registrations.cancelById(r.id, now);
    }

    private static Registration resolve(String token) {
        Optional<Registration> r = AccessToken.resolve(token, Purpose.ATTENDANCE);
        return r.orElseThrow(InvalidLink::unknown);
    }
}
