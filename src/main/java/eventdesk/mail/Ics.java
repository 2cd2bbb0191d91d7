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
import eventdesk.event.Event;
import eventdesk.web.Kst;

import java.util.Date;
import java.util.TimeZone;

/** Calendar entries (.ics, RFC 5545) in Seoul time, with biweekly. */
public final class Ics {

    private Ics() {
    }

    /** One event as an .ics file; {@code uid} stays the same for one registration so calendars update it. */
    public static String of(Event event, String title, String description, String uid, String url) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//eventdesk//eventdesk//EN");
        ical.setMethod(Method.publish());
        VEvent v = new VEvent();
        v.setUid(uid);
        v.setSummary(title);
        v.setDescription(description);
        v.setLocation(event.venue + ", " + event.address);
        v.setDateStart(Date.from(event.startsAt));
        v.setDateEnd(Date.from(event.endsAt));
        if (url != null) v.setUrl(url);
        ical.addEvent(v);
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(Kst.ZONE), seoul()));
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
