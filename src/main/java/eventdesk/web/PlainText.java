package eventdesk.web;

/**
 * Text people type into names, titles and venues: no control characters (C0, DEL, C1), no line or
 * paragraph separators (U+2028/2029), no lone surrogates, no bidirectional overrides and no BOM.
 * They break mail headers, JSON and CSV, or make a name display as something else.
 */
public final class PlainText {

    /** Characters no single-line field takes (a {@code @Pattern} character class body). */
    static final String FORBIDDEN = "\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{FEFF}";

    /** For {@code @Pattern}: one line of text without markup brackets or the characters above. */
    public static final String NAME_PATTERN = "^[^<>" + FORBIDDEN + "]*$";

    private PlainText() {
    }

    /**
     * True when {@code s} has at least one character that shows. Spaces of every kind, control and
     * format characters (zero-width space and joiners, direction marks, soft hyphen), combining marks
     * without a base, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), variation selectors, tags,
     * the rest of Unicode's default-ignorable characters and the blank Braille pattern U+2800 do not:
     * a name made only of them looks empty on a badge, in a mail and in the attendee list.
     */
    public static boolean hasVisible(String s) {
        return s != null && s.codePoints().anyMatch(PlainText::shows);
    }

    private static boolean shows(int c) {
        int type = Character.getType(c);
        if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return false;
        }
        return c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800 && c != 0x2065
                && !(c >= 0xFFF0 && c <= 0xFFF8) && !(c >= 0xE0000 && c <= 0xE0FFF);
    }

    /** True when {@code s} has a character no field takes; {@code multiLine} allows CR, LF and tab. */
    public static boolean hasForbidden(String s, boolean multiLine) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) return true;
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) continue;
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }
}
