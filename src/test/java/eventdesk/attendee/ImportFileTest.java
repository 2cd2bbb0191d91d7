package eventdesk.attendee;

import eventdesk.attendee.ImportFile.Column;
import eventdesk.attendee.ImportFile.Row;
import eventdesk.attendee.ImportFile.Unreadable;
import eventdesk.attendee.ImportFile.Why;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How an organizer's file is read: encodings, separators, headers in either language, Excel sheets, limits, and the carried rows. */
class ImportFileTest {

    private static Row only(List<Row> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Why refusal(byte[] file) {
        return catchThrowableOfType(Unreadable.class, () -> ImportFile.read(file)).why;
    }

    @Test
    void headersAreReadInEitherLanguageInAnyOrderAndCaseAndOtherColumnsAreIgnored() throws Unreadable {
        Row r = only(ImportFile.csv("Phone,E-Mail,소속 (회사),Name/이름,Ticket_Type,LANGUAGE,역할\r\n010,a@example.com,KAIST,Kim,vip,en,학생\r\n"));
        assertThat(r).isEqualTo(new Row(2, "Kim", "a@example.com", "KAIST", "학생", "vip", "en"));
        Row exported = only(ImportFile.csv("id,status,name,email,affiliation,role,language,ticket_type\r\n1,CONFIRMED,Lee,b@example.com,Toss,"
                + "FOUNDER,ko,general\r\n"));
        assertThat(exported).isEqualTo(new Row(2, "Lee", "b@example.com", "Toss", "FOUNDER", "general", "ko"));
        assertThat(Column.of("티켓 유형")).isEqualTo(Column.TICKET_TYPE);
        assertThat(Column.of("nickname")).isNull();
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        Unreadable u = catchThrowableOfType(Unreadable.class, () -> ImportFile.csv("이름,phone\r\nKim,010\r\n"));
        assertThat(u.why).isEqualTo(Why.COLUMNS);
        assertThat(u.missing).containsExactly(Column.EMAIL, Column.AFFILIATION);
    }

    @Test
    void blankRowsAreSkippedAndRowNumbersAreTheFilesAndCellsAreStripped() throws Unreadable {
        List<Row> rows = ImportFile.csv("\r\nname,email,affiliation\r\n , a@example.com ,X\r\n,,\r\n\r\nB,b@example.com,Y\r\n");
        assertThat(rows).extracting(Row::line).containsExactly(3, 6);
        assertThat(rows.get(0).email()).isEqualTo("a@example.com");
        assertThat(rows.get(0).name()).isEmpty();
        assertThat(refusal("name,email,affiliation\r\n\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(Why.EMPTY);
        assertThat(refusal(new byte[0])).isEqualTo(Why.EMPTY);
    }

    @Test
    void encodingsAreUtf8WithOrWithoutBomUtf16WithBomOrCp949() throws Unreadable {
        String text = "이름,이메일,소속\r\n김민지,kim@example.com,카이스트\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] utf16 = ("\uFEFF" + text.replace(',', '\t')).getBytes(StandardCharsets.UTF_16LE);
        for (byte[] file : List.of(utf8, bom, utf16, text.getBytes(Charset.forName("x-windows-949")), text.getBytes(Charset.forName("EUC-KR")))) {
            assertThat(only(ImportFile.read(file))).isEqualTo(new Row(2, "김민지", "kim@example.com", "카이스트", "", "", ""));
        }
        assertThat(refusal(new byte[]{'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'})).isEqualTo(Why.CHARACTERS);
    }

    @Test
    void semicolonsOrTabsSeparateCellsWhenTheFirstLineUsesThem() throws Unreadable {
        assertThat(only(ImportFile.csv("name;email;affiliation\nKim, Minji;k@example.com;A, B\n")).name()).isEqualTo("Kim, Minji");
        assertThat(only(ImportFile.csv("name\temail\taffiliation\nKim\tk@example.com\tA,B\n")).affiliation()).isEqualTo("A,B");
        assertThat(only(ImportFile.csv("name,email,affiliation\n\"Kim; \"\"MJ\"\"\",k@example.com,A\n")).name()).isEqualTo("Kim; \"MJ\"");
    }

    @Test
    void anXlsxIsReadFromItsFirstSheetWithBlankCellsInPlace() throws Unreadable {
        byte[] file = ImportFiles.xlsx(List.of(List.of("", "", ""), List.of("이름", "이메일", "소속", "언어"),
                List.of("김민지", "kim@example.com", "", "en"), List.of("", "", "", ""), List.of("Lee", "lee@example.com", "Toss", "")));
        assertThat(ImportFile.read(file)).containsExactly(new Row(3, "김민지", "kim@example.com", "", "", "", "en"),
                new Row(5, "Lee", "lee@example.com", "Toss", "", "", ""));
    }

    @Test
    void oldExcelDamagedFilesZipBombsAndLongListsAreRefused() throws Exception {
        assertThat(refusal(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})).isEqualTo(Why.OLD_EXCEL);
        assertThat(refusal(new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2, 3})).isEqualTo(Why.NOT_A_TABLE);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(200_000);
        assertThat(refusal(bomb.toByteArray())).isEqualTo(Why.UNPACKED_TOO_BIG);
        assertThat(refusal(new byte[(int) ImportFile.MAX_BYTES + 1])).isEqualTo(Why.TOO_BIG);

        StringBuilder list = new StringBuilder("name,email,affiliation\n");
        for (int i = 0; i < ImportFile.MAX_ROWS; i++) list.append("P").append(i).append(",p").append(i).append("@example.com,O\n");
        assertThat(ImportFile.csv(list.toString())).hasSize(2000);
        assertThat(catchThrowableOfType(Unreadable.class, () -> ImportFile.csv(list + "One,more@example.com,O\n")).why)
                .isEqualTo(Why.TOO_MANY_ROWS);
    }

    @Test
    void theCarriedRowsReadBackAsTheyWereInPiecesAFormFieldHolds() throws Unreadable {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ImportFile.MAX_ROWS; i++) {
            rows.add(new Row(i + 2, "가".repeat(96) + "%04d".formatted(i), "someone.with.a.long.address." + i + "@example.com",
                    "나\"다, 라".repeat(20), "STUDENT", "general", i % 2 == 0 ? "ko" : "en"));
        }
        List<String> pieces = ImportFile.carried(rows);
        assertThat(pieces).allMatch(p -> ImportFile.sent(p) <= ImportFile.CARRIED_PIECE);
        assertThat(pieces.size()).as("fields of the confirm form, with its token and mode, at most 256").isLessThan(254);
        assertThat(ImportFile.csv(String.join("", pieces))).extracting(r -> List.of(r.name(), r.email(), r.affiliation(), r.role(),
                r.ticketType(), r.language())).isEqualTo(rows.stream().map(r -> List.of(r.name(), r.email(), r.affiliation(), r.role(),
                r.ticketType(), r.language())).toList());
        assertThat(ImportFile.sent("a-b.c_d*e f")).isEqualTo(11);
        assertThat(ImportFile.sent("가,")).isEqualTo(12);
    }
}
