package eventdesk.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** C0, C1, U+2028/2029, lone surrogates and bidi overrides are not text people type. */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007", "a\u007F", "a\u0085", "a\u009Bb", "a\u2028b", "a\u2029", "a\uD800b",
            "\uDC00", "a\uD800", "a\u202Eevil", "a\u2066", "\uFEFFa", "line\nbreak", "cr\r", "tab\t"})
    void forbiddenInOneLine(String s) {
        assertThat(PlainText.hasForbidden(s, false)).as(s).isTrue();
        assertThat(s.matches(PlainText.NAME_PATTERN)).as(s).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"김민수", "Jane O'Brien-Smith", "José Ñúñez", "Zoë 👩‍💻", "{inject:csrf} ${7*7}", "Ｆｕｌｌｗｉｄｔｈ", "Ꭺ Cherokee"})
    void ordinaryTextPasses(String s) {
        assertThat(PlainText.hasForbidden(s, false)).as(s).isFalse();
        assertThat(s.matches(PlainText.NAME_PATTERN)).as(s).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "cr\r\nlf", "tab\there"})
    void descriptionsMayBreakLines(String s) {
        assertThat(PlainText.hasForbidden(s, true)).isFalse();
    }

    /** Text that looks empty: spaces, fillers, zero-width and format characters, combining marks and selectors alone. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3164", "\u200b", "\u115f\u1160", "\uffa0", "\u2800", "\u00ad", "\u200c\u200d",
            "\u2060\u2061", "\u180e", "\u3000\u00a0", "\u034f", "\ufe0f", "\u0301", "\udb40\udc20", "\udb40\udd00", "\u17b4"})
    void nothingVisible(String s) {
        assertThat(PlainText.hasVisible(s)).as(s.codePoints().mapToObj(Integer::toHexString).toList().toString()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"김", "A", "1", "-", "👩‍💻", "\u3164김", "Kim\u200b", "e\u0301", "ㄱ", "Ｆ"})
    void somethingVisible(String s) {
        assertThat(PlainText.hasVisible(s)).as(s).isTrue();
    }
}
