package eventdesk.attendee;

import eventdesk.web.Kst;

import java.time.Instant;

/** The formats the attendee list exports to: the file's extension and its media type. */
enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", AttendeeXlsx.MEDIA_TYPE);

    final String extension;
    final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** "demo-day-attendees-2027-03-18.xlsx": the event and the day in Seoul. */
    String filename(String slug, Instant now) {
        return slug + "-attendees-" + now.atZone(Kst.ZONE).toLocalDate() + "." + extension;
    }
}
