package eventdesk.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organizer's plain text for HTML: paragraphs (split at blank lines) of lines of pieces, each
 * piece text or an http(s) link. Templates print every piece escaped, so no markup the organizer
 * typed ever becomes HTML; only the links this class finds become {@code <a href>}.
 */
public record LinkedText(List<Paragraph> paragraphs) {

    public record Paragraph(List<Line> lines) {
    }

    public record Line(List<Piece> pieces) {
    }

    /** Text, or a link when {@code url} is set (then {@code text} is the URL as written). */
    public record Piece(String text, String url) {
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than the link: "see https://x.kr/a." */
    private static final String TRAILING = ".,;:!?)]}'\u3002\uFF0C";

    public static LinkedText of(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        if (text == null) return new LinkedText(paragraphs);
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
            if (block.isBlank()) continue;
            List<Line> lines = new ArrayList<>();
            for (String line : block.split("\n")) lines.add(new Line(pieces(line)));
            paragraphs.add(new Paragraph(lines));
        }
        return new LinkedText(paragraphs);
    }

    static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) end--;
            url = url.substring(0, end);
            if (url.matches("(?i)https?://")) continue;
            if (m.start() > at) pieces.add(new Piece(line.substring(at, m.start()), null));
            pieces.add(new Piece(url, url));
            at = m.start() + url.length();
        }
        if (at < line.length()) pieces.add(new Piece(line.substring(at), null));
        return pieces;
    }
}
