package eventdesk.mail;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Method;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/** Calendar entries (.ics, RFC 5545) in Seoul time, with biweekly. */
public final class Ics {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private Ics() {
    }

    /**
     * One calendar entry as an .ics file; {@code uid} stays the same for one registration so
     * calendars update the entry instead of adding another. {@code url} may be null.
     */
    public static String of(String title, String description, String location, Instant start, Instant end,
                            String uid, String url) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//eventdesk//eventdesk//EN");
        ical.setMethod(Method.publish());
        VEvent v = new VEvent();
        v.setUid(uid);
        v.setSummary(title);
        v.setDescription(description);
        v.setLocation(location);
        v.setDateStart(Date.from(start));
        v.setDateEnd(Date.from(end));
        if (url != null) v.setUrl(url);
        ical.addEvent(v);
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(SEOUL), seoul()));
        return Biweekly.write(ical).go();
    }

    /** Asia/Seoul: +09:00 all year, no daylight saving since 1988. */
    private static VTimezone seoul() {
        VTimezone tz = new VTimezone("Asia/Seoul");
        StandardTime standard = new StandardTime();
        standard.setDateStart(new DateTimeComponents(1988, 10, 9, 3, 0, 0, false));
        standard.setTimezoneOffsetFrom(new UtcOffset(true, 9, 0));
        standard.setTimezoneOffsetTo(new UtcOffset(true, 9, 0));
        standard.addTimezoneName("KST");
        tz.addStandardTime(standard);
        return tz;
    }
}
