package eventdesk.attendee;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A list of invitees as an organizer's file holds it: a {@code .csv} (UTF-8 with or without BOM, UTF-16 with BOM,
 * or CP949/EUC-KR as Korean Excel saves it; comma, semicolon or tab between cells) or an {@code .xlsx} (its first
 * sheet, each cell as Excel shows it). The first row that is not blank names the columns, in Korean or English
 * ({@link Column}); other columns are ignored, blank rows skipped. At most {@value #MAX_ROWS} rows of people and
 * {@link #MAX_BYTES} bytes; what cannot be read is refused with why ({@link Unreadable}). Reads only: nothing
 * about a row is judged here.
 */
final class ImportFile {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ROWS = 2000;
    /** How much an .xlsx may unpack to: far beyond any sheet of {@value #MAX_ROWS} rows, far below a zip bomb. */
    static final long MAX_UNPACKED = 32L * 1024 * 1024;
    /**
     * Bytes per piece of the rows carried to the confirm step, as the browser sends them (a Hangul syllable is 9,
     * {@code %EA%B0%80}): a form field may hold 24K. 2,000 rows of the longest names, addresses and affiliations
     * make about 210 pieces, below the 256 fields a form may have.
     */
    static final int CARRIED_PIECE = 20_000;

    /** The columns the import knows; the first three are required. */
    enum Column {
        NAME("name/이름", "name", "fullname", "이름", "성명", "성함"),
        EMAIL("email/이메일", "email", "emailaddress", "mail", "이메일", "이메일주소", "메일", "전자우편"),
        AFFILIATION("affiliation/소속", "affiliation", "organization", "organisation", "company", "소속", "회사", "기관", "소속기관"),
        ROLE("role/역할", "role", "역할"),
        TICKET_TYPE("ticket type/티켓 유형", "tickettype", "ticket", "type", "티켓유형", "티켓", "유형", "티켓종류"),
        LANGUAGE("language/언어", "language", "lang", "locale", "언어");

        /** How the pages name the column, in both languages. */
        final String shown;
        final List<String> names;

        Column(String shown, String... names) {
            this.shown = shown;
            this.names = List.of(names);
        }

        boolean required() {
            return ordinal() <= AFFILIATION.ordinal();
        }

        /** The column a header cell names, or null: letter case, blanks and punctuation do not matter; "name/이름" names NAME. */
        static Column of(String header) {
            for (String part : (header == null ? "" : header).split("[/|(),]")) {
                String key = part.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.*:\\u00a0\\ufeff]", "");
                for (Column c : values()) if (c.names.contains(key)) return c;
            }
            return null;
        }
    }

    /** One person's row as the file has it: each known column's text ("" when blank or absent) and its row number. */
    record Row(int line, String name, String email, String affiliation, String role, String ticketType, String language) {
    }

    /** Why a file gives no list. */
    enum Why { TOO_BIG, UNPACKED_TOO_BIG, NOT_A_TABLE, OLD_EXCEL, CHARACTERS, COLUMNS, EMPTY, TOO_MANY_ROWS }

    /** A file that gives no list, and why; {@link #missing} names the required columns it lacks. */
    static final class Unreadable extends Exception {
        final Why why;
        final List<Column> missing;

        Unreadable(Why why) {
            this(why, List.of());
        }

        Unreadable(Why why, List<Column> missing) {
            super(why.name(), null, false, false);
            this.why = why;
            this.missing = List.copyOf(missing);
        }
    }

    private ImportFile() {
    }

    /** The rows of an uploaded file: an .xlsx by its content (a ZIP), else a text table. */
    static List<Row> read(byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) throw new Unreadable(Why.TOO_BIG);
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) return xlsx(bytes);
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) throw new Unreadable(Why.OLD_EXCEL);
        return csv(decode(bytes));
    }

    /** The rows of a table as text (an uploaded .csv once decoded, or the rows carried to the confirm step). */
    static List<Row> csv(String text) throws Unreadable {
        Table table = new Table();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) table.add((int) record.getRecordNumber(), record.toList());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable(Why.NOT_A_TABLE);
        }
        return table.rows();
    }

    /**
     * The rows as text the confirm step carries and reads again with {@link #csv}: a header in English, then one
     * record per row, cut between records into pieces of at most {@value #CARRIED_PIECE} bytes as a form sends them.
     */
    static List<String> carried(List<Row> rows) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        List<List<String>> records = new ArrayList<>();
        records.add(List.of("name", "email", "affiliation", "role", "ticket type", "language"));
        rows.forEach(r -> records.add(List.of(r.name(), r.email(), r.affiliation(), r.role(), r.ticketType(), r.language())));
        for (List<String> record : records) {
            StringBuilder line = new StringBuilder();
            try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.RFC4180)) {
                printer.printRecord(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (piece.length() > 0 && sent(piece) + sent(line) > CARRIED_PIECE) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(line);
        }
        pieces.add(piece.toString());
        return pieces;
    }

    /** How many bytes a form sends for this text: a letter, digit or {@code -._*} as one, any other byte as %XX. */
    static int sent(CharSequence text) {
        int bytes = 0;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || "-._* ".indexOf(b) >= 0;
            bytes += plain ? 1 : 3;
        }
        return bytes;
    }

    /** The text of a .csv: a BOM says its encoding; else UTF-8 if it is valid UTF-8, else CP949 (a superset of EUC-KR). */
    static String decode(byte[] bytes) throws Unreadable {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return strict(bytes, 3, StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFF, 0xFE)) return strict(bytes, 2, StandardCharsets.UTF_16LE);
        if (startsWith(bytes, 0xFE, 0xFF)) return strict(bytes, 2, StandardCharsets.UTF_16BE);
        try {
            return strict(bytes, 0, StandardCharsets.UTF_8);
        } catch (Unreadable notUtf8) {
            return strict(bytes, 0, Charset.forName("x-windows-949"));
        }
    }

    private static String strict(byte[] bytes, int from, Charset charset) throws Unreadable {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(Why.CHARACTERS);
        }
    }

    /** The separator the first line uses most: tab (Excel's "Unicode text"), semicolon, or else comma. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semicolons) return '\t';
        return semicolons > commas ? ';' : ',';
    }

    /** The first sheet of an .xlsx, read as a stream of rows (bounded memory, stopped after the last row allowed). */
    private static List<Row> xlsx(byte[] bytes) throws Unreadable {
        unpackedSize(bytes);
        Table table = new Table();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            try {
                XSSFReader reader = new XSSFReader(pkg);
                var sheets = reader.getSheetsData();
                if (!sheets.hasNext()) throw new Unreadable(Why.EMPTY);
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                            new SheetRows(table), new DataFormatter(Locale.ROOT), false));
                    parser.parse(new InputSource(sheet));
                }
            } finally {
                pkg.revert();
            }
        } catch (Unreadable u) {
            throw u;
        } catch (Exception | LinkageError e) {
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof Stop stop) throw stop.unreadable;
            throw new Unreadable(Why.NOT_A_TABLE);
        }
        return table.rows();
    }

    /** Refuses an .xlsx that unpacks to more than {@link #MAX_UNPACKED} bytes, before anything parses it. */
    private static void unpackedSize(byte[] bytes) throws Unreadable {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED) throw new Unreadable(Why.UNPACKED_TOO_BIG);
                }
            }
        } catch (IOException e) {
            throw new Unreadable(Why.NOT_A_TABLE);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xff) != prefix[i]) return false;
        return true;
    }

    /** Rows as they come, from either kind of file: the header first, then people. */
    private static final class Table {
        private Map<Column, Integer> columns;
        private final List<Row> rows = new ArrayList<>();

        void add(int line, List<String> cells) throws Unreadable {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) return;
            if (columns == null) {
                columns = header(cells);
                return;
            }
            if (rows.size() == MAX_ROWS) throw new Unreadable(Why.TOO_MANY_ROWS);
            rows.add(new Row(line, cell(cells, Column.NAME), cell(cells, Column.EMAIL), cell(cells, Column.AFFILIATION),
                    cell(cells, Column.ROLE), cell(cells, Column.TICKET_TYPE), cell(cells, Column.LANGUAGE)));
        }

        List<Row> rows() throws Unreadable {
            if (columns == null || rows.isEmpty()) throw new Unreadable(Why.EMPTY);
            return rows;
        }

        private static Map<Column, Integer> header(List<String> cells) throws Unreadable {
            Map<Column, Integer> found = new EnumMap<>(Column.class);
            for (int i = 0; i < cells.size(); i++) {
                Column c = Column.of(cells.get(i));
                if (c != null) found.putIfAbsent(c, i);
            }
            List<Column> missing = List.of(Column.values()).stream().filter(c -> c.required() && !found.containsKey(c)).toList();
            if (!missing.isEmpty()) throw new Unreadable(Why.COLUMNS, missing);
            return found;
        }

        private String cell(List<String> cells, Column column) {
            Integer i = columns.get(column);
            String value = i == null || i >= cells.size() ? null : cells.get(i);
            return value == null ? "" : value.strip();
        }
    }

    /** Carries a refusal out of the sheet parser, which only lets unchecked exceptions through. */
    private static final class Stop extends RuntimeException {
        final Unreadable unreadable;

        Stop(Unreadable unreadable) {
            super(null, null, false, false);
            this.unreadable = unreadable;
        }
    }

    /** An .xlsx sheet's rows, each cell at its column (blank cells are not reported), given to the table. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Table table;
        private List<String> cells = new ArrayList<>();

        SheetRows(Table table) {
            this.table = table;
        }

        @Override
        public void startRow(int row) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) cells.add("");
            if (cells.size() == column) cells.add(value);
        }

        @Override
        public void endRow(int row) {
            try {
                table.add(row + 1, cells);
            } catch (Unreadable u) {
                throw new Stop(u);
            }
        }
    }
}
