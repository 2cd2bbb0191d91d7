package eventdesk.mail;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar entry a ticket carries: Seoul time, the same UID for one registration, readable back. */
class IcsTest {

    static final Instant START = ZonedDateTime.parse("2031-03-18T10:00:00+09:00[Asia/Seoul]").toInstant();
    static final Instant END = START.plusSeconds(8 * 3600);

    @Test
    void anEntryReadsBackWithItsTimesTitlePlaceAndUid() {
        String ics = Ics.of("파운더스 데이", "COEX\nhttps://example.org/manage/x", "COEX, 513 Yeongdong-daero",
                START, END, "registration-7@eventdesk", "https://example.org/manage/x");
        ICalendar cal = Biweekly.parse(ics).first();
        VEvent event = cal.getEvents().get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("파운더스 데이");
        assertThat(event.getLocation().getValue()).isEqualTo("COEX, 513 Yeongdong-daero");
        assertThat(event.getUid().getValue()).isEqualTo("registration-7@eventdesk");
        assertThat(event.getUrl().getValue()).isEqualTo("https://example.org/manage/x");
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(START);
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(END);
    }

    @Test
    void timesAreWrittenInSeoulTimeWithTheZone() {
        String ics = Ics.of("Founders Day", "COEX", "COEX", START, END, "registration-8@eventdesk", null);
        assertThat(ics).contains("TZID:Asia/Seoul").contains("DTSTART;TZID=Asia/Seoul:20310318T100000")
                .contains("TZOFFSETTO:+0900").doesNotContain("URL:");
    }
}
