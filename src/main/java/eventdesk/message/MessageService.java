package eventdesk.message;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Registration;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.InvalidInput;
import eventdesk.web.Problem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a message to a group of one event, exactly once. The message row, its recipients (read in
 * the same transaction) and one outbox row per recipient are written together: all or nothing.
 * The idempotency key is claimed first (insert and flush of the message row): a second submit of
 * the key finds the message and sends nothing; a concurrent one waits on the unique key
 * {@code (event, idempotency_key)}, fails, and then answers with the message that won.
 *
 * <p>Rate: the recipients' outbox rows are due {@code eventdesk.messages.per-second} per second
 * (row i at {@code now + i / perSecond} seconds), so the relay never sends more of one message per
 * second than that, and sign-up mails due meanwhile go out between them.
 *
 * <p>A promotional message goes only to the people of the group whose marketing consent stands; the
 * others are left out (the preview says how many), and a consent withdrawn while the mails wait in the
 * outbox stops that person's mail ({@link GroupMessageMails}).
 *
 * <p>A message sent is one access log entry of its organizer, in the same transaction: the group, how
 * many, and the recipients' registration ids (their number only beyond {@link AccessLog#MAX_REGISTRATIONS}).
 */
@ApplicationScoped
public class MessageService {

    @Inject
    Outbox outbox;
    @Inject
    EventdeskConfig config;
    @Inject
    GroupMessageMails mails;
    @Inject
    AccessLog accessLog;

    /** The message (new, or the earlier one of the same key) and how many it went to. */
    public record Sent(long messageId, int recipients, boolean repeated) {
    }

    /**
     * The group no longer has the size the organizer confirmed on the preview: nothing was sent. The
     * preview is shown again (409) with the new count and the message as typed.
     */
    public static final class CountChanged extends InvalidInput {
        public final String slug;
        public final transient MessageInput typed;
        public final long count;

        CountChanged(String slug, MessageInput typed, long count) {
            super("the group now has " + count + " people", Map.of("count", "changed"));
            this.slug = slug;
            this.typed = typed;
            this.count = count;
        }

        @Override
        protected String title() {
            return "Group changed";
        }

        @Override
        protected String explain(String field, String code) {
            return "the group now has " + count + " people";
        }

        @Override
        public Response problem() {
            return Problem.response(409, title(), "The group now has " + count + " people; nothing was sent.", null);
        }

        @Override
        public int pageStatus() {
            return 409;
        }
    }

    /** Refuses a message that cannot be sent to the event as it is now ({@link MessageInput#problems}). */
    @Transactional
    public void check(String slug, MessageInput in, Instant now) {
        Event event = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        Map<String, String> problems = in.problems(event, now);
        if (!problems.isEmpty()) throw new MessageInput.Invalid(slug, in, problems);
    }

    /**
     * Who of a group a message reaches now: everyone for a transactional one, those whose marketing
     * consent stands for a promotional one. {@code leftOut}: the rest of the group.
     */
    public record Reach(long recipients, long leftOut) {
    }

    /** How many people of the group a send of this purpose right now reaches, and how many of the group it leaves out. */
    @Transactional
    public Reach reach(String slug, RecipientGroup group, MessagePurpose purpose) {
        return reach(slug, group, purpose, List.of());
    }

    /** The same, for a group that names its people ({@link RecipientGroup#SELECTED}: {@code ids}). */
    @Transactional
    public Reach reach(String slug, RecipientGroup group, MessagePurpose purpose, List<Long> ids) {
        Event event = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        long all = count(event, group, MessagePurpose.TRANSACTIONAL, ids);
        if (purpose != MessagePurpose.PROMOTIONAL) return new Reach(all, 0);
        long consenting = count(event, group, MessagePurpose.PROMOTIONAL, ids);
        return new Reach(consenting, all - consenting);
    }

    private static long count(Event event, RecipientGroup group, MessagePurpose purpose, List<Long> ids) {
        return people(Registration.getEntityManager().createQuery("select count(r) from Registration r where " + where(group, purpose),
                Long.class), event, group, ids).getSingleResult();
    }

    /** The query with the group's parameters set: the event, the statuses, and for SELECTED its people. */
    private static <T> jakarta.persistence.TypedQuery<T> people(jakarta.persistence.TypedQuery<T> q, Event event, RecipientGroup group,
                                                                List<Long> ids) {
        q.setParameter("event", event).setParameter("statuses", group.statuses);
        if (group == RecipientGroup.SELECTED) q.setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids);
        return q;
    }

    /**
     * The condition on {@code r} for the recipients of a message: the group, and for a promotional message
     * only people whose marketing consent stands ({@link Registration#hasMarketingConsent}). Count and send
     * both read it, so the count confirmed is the count sent.
     */
    static String where(RecipientGroup group, MessagePurpose purpose) {
        return group.where() + (purpose == MessagePurpose.PROMOTIONAL
                ? " and r.marketingConsent = true and r.marketingWithdrawnAt is null and r.erasedAt is null" : "");
    }

    /**
     * Sends the message (checked: {@link #check}) unless one with its idempotency key exists for the
     * event (then returns that one).
     *
     * @param expectedCount the count the organizer confirmed, or null (API): when the group has
     *                      changed size since, {@link CountChanged} and nothing is sent
     * @param by            the access log entry of the organizer who sends it (a repeated key sends and logs nothing)
     */
    public Sent send(String slug, MessageInput in, String sentBy, Long expectedCount, Instant now, AccessLog.Entry by) {
        String key = in.idempotencyKey;
        try {
            return write(slug, in, sentBy, expectedCount, now, by);
        } catch (CountChanged | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent submit of the same key committed first (unique key): answer with its message.
            return existing(slug, key).orElseThrow(() -> e);
        }
    }

    @Transactional
    Optional<Sent> existing(String slug, String key) {
        return Event.bySlug(slug).flatMap(event -> GroupMessage.byKey(event, key))
                .map(m -> new Sent(m.id, m.recipientCount, true));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Sent write(String slug, MessageInput in, String sentBy, Long expectedCount, Instant now, AccessLog.Entry by) {
        Event event = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        String key = in.idempotencyKey;
        RecipientGroup group = RecipientGroup.parse(in.group);
        Optional<GroupMessage> earlier = GroupMessage.byKey(event, key);
        if (earlier.isPresent()) return new Sent(earlier.get().id, earlier.get().recipientCount, true);

        GroupMessage m = new GroupMessage();
        m.event = event;
        m.recipientGroup = group;
        m.subject = blankToNull(in.subject);
        m.subjectKo = blankToNull(in.subjectKo);
        m.body = blankToNull(in.body);
        m.bodyKo = blankToNull(in.bodyKo);
        m.purpose = in.purpose();
        m.idempotencyKey = key;
        m.sentBy = sentBy;
        m.createdAt = now;
        m.persist();
        // Claims the key now: a concurrent submit of it waits here until this transaction ends.
        Panache.getEntityManager().flush();

        List<Object[]> people = people(Registration.getEntityManager().createQuery(
                "select r.id, r.email, r.locale from Registration r where " + where(group, m.purpose) + " order by r.id",
                Object[].class), event, group, in.registrations == null ? List.of() : in.registrations).getResultList();
        if (expectedCount != null && people.size() != expectedCount) throw new CountChanged(slug, in, people.size());

        int perSecond = Math.max(1, config.messages().perSecond());
        List<Long> recipients = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            Object[] p = people.get(i);
            long registrationId = (Long) p[0];
            recipients.add(registrationId);
            String subject = m.subject(Locale.forLanguageTag((String) p[2]));
            OutboxMessage row = outbox.enqueue(mails.mail(m, registrationId, (String) p[1], subject),
                    dueAt(now, i, perSecond));
            MessageRecipient r = new MessageRecipient();
            r.message = m;
            r.registration = Registration.getEntityManager().getReference(Registration.class, registrationId);
            r.outboxMessage = row;
            r.persist();
        }
        m.recipientCount = people.size();
        accessLog.recordWithChange(by.forEvent(event.slug).withRegistrations(recipients)
                .withFilter("group=" + group.name(), people.size()));
        return new Sent(m.id, m.recipientCount, false);
    }

    /** When the i-th recipient's mail is due: {@code perSecond} mails per second, the first ones now. */
    static Instant dueAt(Instant now, int i, int perSecond) {
        return now.plusSeconds(i / perSecond);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
