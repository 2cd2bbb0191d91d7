package eventdesk.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times are stored as instants and shown in Seoul time, formatted per language. */
public final class Kst {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) a h:mm", Locale.KOREAN);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter KO_TIME = DateTimeFormatter.ofPattern("a h:mm", Locale.KOREAN);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The years a date-time the app accepts may fall in: events happen in this century or the next. */
    public static final int MIN_YEAR = 2000, MAX_YEAR = 2200;

    private Kst() {
    }

    /** Whether the app accepts this date-time: +999999999 is a typo or an attack, not a date. */
    public static boolean plausible(java.time.OffsetDateTime t) {
        return t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR;
    }

    /** "2027년 3월 18일 (목) 오전 10:00 KST" or "Thu, Mar 18, 2027, 10:00 AM KST". */
    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) return "";
        DateTimeFormatter f = "ko".equals(locale.getLanguage()) ? KO_DATE_TIME : EN_DATE_TIME;
        return instant.atZone(ZONE).format(f) + " KST";
    }

    /**
     * One day: "2027년 3월 18일 (목) 오전 10:00 – 오후 6:00 KST" or "Thu, Mar 18, 2027, 10:00 AM – 6:00 PM KST"
     * (both ends on the same clock); otherwise two full date-times.
     */
    public static String range(Instant start, Instant end, Locale locale) {
        if (start.atZone(ZONE).toLocalDate().equals(end.atZone(ZONE).toLocalDate())) {
            String first = dateTime(start, locale);
            DateTimeFormatter endTime = "ko".equals(locale.getLanguage()) ? KO_TIME : EN_TIME;
            return first.substring(0, first.length() - 4) + " – " + end.atZone(ZONE).format(endTime) + " KST";
        }
        return dateTime(start, locale) + " – " + dateTime(end, locale);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).format(TIME);
    }

    /** "2027-03-18 10:00:05": KST to the second, the same in every language (the access log). */
    public static String seconds(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).format(SECONDS);
    }

    /** "2027-03-18 10:05" in KST, for dense tables whose header says KST; empty for none. */
    public static String compact(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).format(INPUT).replace('T', ' ');
    }

    /** ISO 8601 with the +09:00 offset, for exports. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(ISO);
    }

    /** The instant as a date-time with the +09:00 offset, as JSON shows times; null stays null. */
    public static java.time.OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /** Value for an {@code <input type="datetime-local">}, in KST. */
    public static String input(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).format(INPUT);
    }

    /** Parses an {@code <input type="datetime-local">} value as KST. */
    public static Instant parseInput(String value) {
        return java.time.LocalDateTime.parse(value, INPUT).atZone(ZONE).toInstant();
    }
}
