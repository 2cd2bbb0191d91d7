package eventdesk.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;

/** An email waiting to be sent (or sent, or given up). Written in the transaction that made it due. */
@Entity
public class OutboxMessage extends PanacheEntity {

    /** DROPPED: not sent, because its renderer said it was no longer due ({@link MailRenderer.NotDue}); never retried. */
    public enum Status { PENDING, SENT, DEAD, DROPPED }

    /** The row this mail belongs to (a registration); see {@link OutgoingMail#ownerId()}. */
    public Long ownerId;
    public String kind;
    /** What the mail's renderer needs, URL-encoded ({@code a=1&b=2}); cleared once sent. */
    public String params;
    public String recipient;
    public String subject;
    @Column(length = 200000)
    public String bodyText;
    @Column(length = 200000)
    public String bodyHtml;
    /** Text of the QR code image attached inline, if any. */
    public String qrData;
    @Column(length = 20000)
    public String ics;
    public String icsName;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant createdAt;
    public Instant sentAt;

    /**
     * Due messages, locked FOR UPDATE SKIP LOCKED: each relay (of any app instance) takes rows no
     * other relay holds, so a message is sent by one relay only.
     */
    public static List<OutboxMessage> lockDue(Instant now, int limit) {
        // In the order of the outbox_due index (status, next_attempt_at): no sort of every pending row per call.
        return find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Status.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    public static long countByStatus(Status status) {
        return count("status", status);
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    Map<String, String> params() {
        Map<String, String> map = new LinkedHashMap<>();
        if (params == null || params.isEmpty()) return map;
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    public static List<OutboxMessage> forOwner(long ownerId) {
        return list("ownerId = ?1 order by id", ownerId);
    }

    /** Whether a mail of one of these kinds was written for the owner after {@code since}. */
    public static boolean writtenFor(long ownerId, Enum<?>[] kinds, Instant since) {
        List<String> names = Arrays.stream(kinds).map(Enum::name).toList();
        return count("ownerId = ?1 and kind in ?2 and createdAt > ?3", ownerId, names, since) > 0;
    }
}
