package eventdesk.attendee;

import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Files of invitees as organizers make them, and the import's pages driven as a browser does (CSRF field and cookie). */
final class ImportFiles {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(mode|rows)\" value=\"([^\"]*)\">", Pattern.DOTALL);

    private ImportFiles() {
    }

    /** Cells as CSV lines, encoded in {@code charset}. */
    static byte[] csv(List<List<String>> rows, Charset charset) {
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) b.append(String.join(",", row)).append("\r\n");
        return b.toString().getBytes(charset);
    }

    /** The same cells in the first sheet of an Excel workbook. */
    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("명단");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upload form's CSRF cookie and field, as a browser has them after opening the page. */
    record Session(String cookie, String field, String lang) {
    }

    static Session open(String slug, String lang) {
        Response page = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang)
                .get("/admin/events/" + slug + "/import");
        if (page.statusCode() != 200) throw new AssertionError("import page: " + page.statusCode());
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF field on the import page");
        return new Session(page.getCookie("csrf-token"), m.group(1), lang);
    }

    /** Uploads a file with the choice {@code mode}; the answer is the preview (or the form again). */
    static Response upload(Session s, String slug, String fileName, byte[] file, String mode) {
        return given().auth().preemptive().basic("admin", "admin").redirects().follow(false).header("Accept-Language", s.lang())
                .cookie("csrf-token", s.cookie())
                .multiPart("csrf-token", s.field())
                .multiPart("mode", mode)
                .multiPart("file", fileName, file, fileName.endsWith(".xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv")
                .post("/admin/events/" + slug + "/import");
    }

    /** The preview's confirm form: its hidden fields, as the browser sends them back. */
    static Map<String, List<String>> confirmFields(String preview) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(preview);
        while (m.find()) fields.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(unescape(m.group(2)));
        return fields;
    }

    /** Presses the preview's confirm button, sending back its fields (or others, to see them checked again). */
    static Response confirm(Session s, String slug, Map<String, List<String>> fields) {
        var request = given().auth().preemptive().basic("admin", "admin").redirects().follow(false).header("Accept-Language", s.lang())
                .cookie("csrf-token", s.cookie()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", s.field());
        for (Map.Entry<String, List<String>> f : fields.entrySet()) request = request.formParam(f.getKey(), f.getValue().toArray());
        return request.post("/admin/events/" + slug + "/import/confirm");
    }

    /** The text of a page's section (from its heading's id to the section's end), tags removed. */
    static String section(String page, String headingId) {
        int start = page.indexOf("id=\"" + headingId + "\"");
        if (start < 0) return "";
        int end = page.indexOf("</section>", start);
        return unescape(page.substring(start, end < 0 ? page.length() : end).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
