package eventdesk.attendee;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AttendeeCsvCellTest {

    @Test
    void formulaLookingCellsGetAnApostropheAndKeepEverything() {
        assertThat(AttendeeCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(AttendeeCsv.cell("+82 10-1234-5678")).isEqualTo("'+82 10-1234-5678");
        assertThat(AttendeeCsv.cell("-5")).isEqualTo("'-5");
        assertThat(AttendeeCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AttendeeCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AttendeeCsv.cell("\rcmd")).isEqualTo("'\rcmd");
        assertThat(AttendeeCsv.cell("김민준")).isEqualTo("김민준");
        assertThat(AttendeeCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(AttendeeCsv.cell("")).isEmpty();
    }

    @Test
    void filenameNamesTheEventAndTheDayInSeoul() {
        assertThat(ExportFormat.CSV.filename("demo-day", Instant.parse("2027-03-17T16:00:00Z")))
                .isEqualTo("demo-day-attendees-2027-03-18.csv");
        assertThat(ExportFormat.XLSX.filename("demo-day", Instant.parse("2027-03-17T16:00:00Z")))
                .isEqualTo("demo-day-attendees-2027-03-18.xlsx");
    }
}
