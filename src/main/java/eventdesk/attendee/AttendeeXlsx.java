package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.registration.AnswerColumn;
import eventdesk.registration.RegistrationLabels;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.web.Kst;
import eventdesk.web.Lang;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The attendee export as an Excel workbook, in the organizer's language: one sheet, a bold header row
 * that stays in view (frozen) with a filter over the data, then one row per registration in the order
 * {@link ExportRows} reads them. Status, role and language are words, the ticket type is its name,
 * registered, confirmed and checked-in times are date-time cells holding the wall time in Seoul, and
 * each custom question the event ever asked has its column (as in the CSV). Ticket type and draw columns
 * appear only for events with types or a draw. People's text goes in as text cells, never as formulas.
 * Written with POI's streaming workbook: only the last {@value #WINDOW} rows are in memory, the rest in a
 * temporary file (compressed) that is deleted when the workbook is closed; the file goes out when the
 * last row is read.
 */
@ApplicationScoped
class AttendeeXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing. */
    static final int WINDOW = 100;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int MAX_WIDTH = 60;

    @Inject
    ExportRows rows;

    /**
     * One column: its header, its width in characters and what it shows of a row (given the row's answers):
     * text, a number, an instant (a date-time cell) or null (an empty cell).
     */
    record Column(String header, int width, BiFunction<ExportRows.Row, Map<String, Object>, Object> value) {
    }

    /** The columns in the organizer's language, decided in the request (the rows are written after it). */
    record Layout(List<Column> columns, boolean answers, String sheetName) {

        static Layout of(Event e, Lang lang) {
            SheetTexts t = lang.bundle(SheetTexts.class);
            RegistrationLabels labels = lang.bundle(RegistrationLabels.class);
            Locale locale = lang.locale();
            Map<String, String> status = new HashMap<>();
            AttendeeTexts desk = lang.bundle(AttendeeTexts.class);
            for (RegistrationStatus s : RegistrationStatus.values()) status.put(s.name(), desk.status(s));
            Map<String, String> role = new HashMap<>();
            for (Role r : Role.values()) role.put(r.name(), labels.role(r));
            Map<Long, String> types = new HashMap<>();
            e.ticketTypes.forEach(type -> types.put(type.id, type.name(locale)));
            List<Column> c = new ArrayList<>();
            c.add(new Column(t.col_name(), 16, (r, a) -> r.name()));
            c.add(new Column(desk.col_email(), 28, (r, a) -> r.email()));
            c.add(new Column(desk.col_affiliation(), 20, (r, a) -> r.affiliation()));
            c.add(new Column(desk.col_role(), widest(role.values(), 10), (r, a) -> role.get(r.role())));
            if (e.hasTypes()) c.add(new Column(desk.col_type(), widest(types.values(), 12), (r, a) -> types.get(r.typeId())));
            c.add(new Column(t.col_status(), widest(status.values(), 10), (r, a) -> status.getOrDefault(r.status(), r.status())));
            c.add(new Column(t.col_registered(), 17, (r, a) -> r.registeredAt()));
            c.add(new Column(t.col_confirmed(), 17, (r, a) -> r.confirmedAt()));
            c.add(new Column(t.col_checked_in(), 17, (r, a) -> r.checkedInAt()));
            c.add(new Column(t.col_waitlist(), 8, (r, a) -> r.waitlistPosition()));
            Map<String, String> language = new HashMap<>();
            c.add(new Column(t.col_language(), 10, (r, a) -> r.locale() == null ? null
                    : language.computeIfAbsent(r.locale(), l -> Locale.forLanguageTag(l).getDisplayLanguage(locale))));
            if (e.isDraw()) {
                c.add(new Column(t.col_reference(), 12, (r, a) -> r.reference()));
                c.add(new Column(t.col_draw_rank(), 8, (r, a) -> r.drawRank()));
            }
            c.add(new Column(t.col_id(), 10, (r, a) -> r.id()));
            List<AnswerColumn> questions = AnswerColumn.of(e, lang);
            for (AnswerColumn q : questions) c.add(new Column(q.header(), 24, (r, a) -> q.answerIn(a)));
            return new Layout(List.copyOf(c), !questions.isEmpty(), WorkbookUtil.createSafeSheetName(t.sheet_name()));
        }

        /** Wide enough for the widest of these words, and at least {@code min} characters. */
        private static int widest(Collection<String> words, int min) {
            return Math.max(min, words.stream().mapToInt(AttendeeXlsx::width).max().orElse(0) + 2);
        }
    }

    /** Writes the registrations the filter takes. */
    void write(long eventId, ExportRows.Filter filter, Layout layout, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(layout.sheetName());
            List<Column> columns = layout.columns();
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row top = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Cell cell = top.createCell(i);
                cell.setCellValue(c.header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, Math.min(MAX_WIDTH, Math.max(c.width(), width(c.header()) + 3)) * 256);
            }
            int[] last = {0};
            rows.read(eventId, filter, r -> {
                Row row = sheet.createRow(++last[0]);
                Map<String, Object> answers = layout.answers() ? r.answers() : Map.of();
                for (int i = 0; i < columns.size(); i++) put(row, i, columns.get(i).value().apply(r, answers), date);
            });
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, last[0], 0, columns.size() - 1));
            // Printed (a door list): A4 landscape, every column on one page's width, the header on every page.
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
            wb.write(out);
        }
    }

    private static void put(Row row, int column, Object value, CellStyle date) {
        if (value == null || "".equals(value)) return;
        Cell cell = row.createCell(column);
        if (value instanceof Instant t) {
            cell.setCellValue(t.atZone(Kst.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS));
            cell.setCellStyle(date);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            String s = value.toString();
            cell.setCellValue(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
        }
    }

    /** How many character cells a text takes: Hangul and other wide characters take two. */
    static int width(String text) {
        return text.codePoints().map(c -> Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
    }
}
