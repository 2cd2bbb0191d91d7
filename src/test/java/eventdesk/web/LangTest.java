package eventdesk.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LangTest {

    @Test
    void acceptLanguagePicksTheFirstSupportedLanguageElseKorean() {
        assertThat(Lang.fromAcceptLanguage("en-US,en;q=0.9,ko;q=0.8")).isEqualTo("en");
        assertThat(Lang.fromAcceptLanguage("ko-KR,ko;q=0.9,en;q=0.8")).isEqualTo("ko");
        assertThat(Lang.fromAcceptLanguage("fr-FR,en;q=0.5")).isEqualTo("en");
        assertThat(Lang.fromAcceptLanguage("fr-FR,de")).isEqualTo("ko");
        assertThat(Lang.fromAcceptLanguage(null)).isEqualTo("ko");
        assertThat(Lang.fromAcceptLanguage(";;;garbage")).isEqualTo("ko");
    }

    @Test
    void timesAreShownInSeoulTimePerLanguage() {
        Instant start = Instant.parse("2027-03-18T01:00:00Z");
        assertThat(Kst.dateTime(start, Locale.KOREAN)).isEqualTo("2027년 3월 18일 (목) 오전 10:00 KST");
        assertThat(Kst.dateTime(start, Locale.ENGLISH)).isEqualTo("Thu, Mar 18, 2027, 10:00 AM KST");
        assertThat(Kst.range(start, start.plusSeconds(8 * 3600), Locale.ENGLISH))
                .isEqualTo("Thu, Mar 18, 2027, 10:00 AM – 6:00 PM KST");
        assertThat(Kst.range(start, start.plusSeconds(8 * 3600), Locale.KOREAN))
                .isEqualTo("2027년 3월 18일 (목) 오전 10:00 – 오후 6:00 KST");
        assertThat(Kst.iso(start)).isEqualTo("2027-03-18T10:00:00+09:00");
    }
}
