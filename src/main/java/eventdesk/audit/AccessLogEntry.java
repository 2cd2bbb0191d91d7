package eventdesk.audit;

import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of the access log, never changed once written. Registrations are named by id only.
 * {@code hash} = SHA-256 of the previous entry's hash followed by {@link #content()}: the id, the
 * time in milliseconds and every field, each written with its length so no two entries read alike.
 */
@Entity
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public Long id;
    public long atMs;
    public String account;
    public String address;
    @Enumerated(EnumType.STRING)
    public AccessAction action;
    public String eventSlug;
    /** Registration ids, comma-separated. */
    public String registrationIds;
    public String filter;
    public Integer rowCount;
    public String reason;
    public String hash;

    public Instant at() {
        return Instant.ofEpochMilli(atMs);
    }

    public List<Long> registrations() {
        if (registrationIds == null || registrationIds.isEmpty()) return List.of();
        return Arrays.stream(registrationIds.split(",")).map(Long::valueOf).toList();
    }

    static String joined(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** What the hash covers besides the previous hash. */
    String content() {
        StringBuilder b = new StringBuilder();
        for (Object field : new Object[]{id, atMs, account, address, action, eventSlug, registrationIds, filter, rowCount, reason}) {
            if (field == null) {
                b.append("~|");
            } else {
                String s = field.toString();
                b.append(s.length()).append(':').append(s).append('|');
            }
        }
        return b.toString();
    }

    /** This entry's hash when it follows an entry with {@code previousHash}. */
    String hashAfter(String previousHash) {
        return Secrets.sha256Hex(previousHash + content());
    }
}
