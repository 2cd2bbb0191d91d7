package eventdesk.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding 8 of issue 11: C0, C1, U+2028/2029, lone surrogates and bidi overrides are not text people type. */
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
}
