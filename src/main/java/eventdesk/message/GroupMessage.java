package eventdesk.message;

import eventdesk.event.Event;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message an organizer sent to a group of one event: what was written (both languages), to which
 * group, by whom, when, and to how many. {@link MessageRecipient} rows say who got it and when.
 */
@Entity
public class GroupMessage extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    @Enumerated(EnumType.STRING)
    public RecipientGroup recipientGroup;
    public String subject;
    public String subjectKo;
    public String body;
    public String bodyKo;
    @Enumerated(EnumType.STRING)
    public MessagePurpose purpose = MessagePurpose.TRANSACTIONAL;
    /** Unique per event: the second submit of one key finds this message instead of sending again. */
    public String idempotencyKey;
    public int recipientCount;
    public String sentBy;
    public Instant createdAt;

    public static Optional<GroupMessage> byKey(Event event, String key) {
        return find("event = ?1 and idempotencyKey = ?2", event, key).firstResultOptional();
    }

    public static List<GroupMessage> ofEvent(Event event) {
        return list("event = ?1 order by createdAt desc, id desc", event);
    }

    /** What a promotional mail's Korean subject starts with (정보통신망법 Art. 50: "(광고)"). */
    public static final String AD_MARK = "(광고)";

    /**
     * The subject in this language; a blank one falls back to the other language. A promotional
     * message's Korean subject starts with {@link #AD_MARK}, added when the organizer did not write it.
     */
    public String subject(Locale locale) {
        String picked = pick(locale, subject, subjectKo);
        if (purpose != MessagePurpose.PROMOTIONAL || !"ko".equals(locale.getLanguage())) return picked;
        String s = picked.strip();
        return s.startsWith(AD_MARK) ? s : AD_MARK + " " + s;
    }

    public String body(Locale locale) {
        return pick(locale, body, bodyKo);
    }

    static String pick(Locale locale, String en, String ko) {
        boolean korean = "ko".equals(locale.getLanguage());
        String first = korean ? ko : en, second = korean ? en : ko;
        return first != null && !first.isBlank() ? first : second == null ? "" : second;
    }
}
