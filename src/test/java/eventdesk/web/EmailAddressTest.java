package eventdesk.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Only addresses the mailer can deliver pass; IDN domains become punycode. */
class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "\"a,b\"@example.com", "\"<script>alert(1)</script>\"@example.com", "a@[127.0.0.1]", "a@[IPv6:::1]",
            "a@example.c", "a@example", "a@localhost", "a@example.123", "a@-example.com", "a@example-.com",
            "a@exa_mple.com", "a..b@example.com", ".a@example.com", "a.@example.com", "a b@example.com",
            "a@b@example.com", "@example.com", "a@", "a@example.com.", "a@.example.com", "kim(comment)@example.com",
            "a\r\nBcc: x@example.com@example.com", "a@example.com\r\nBcc: x@example.com", "ünicode@example.com",
            "a@exam\u0000ple.com", "a@example.c\u2028om", "a@xn--.com"
    })
    void undeliverableAddressesAreRefused(String address) {
        assertThat(EmailAddress.normalize(address)).as(address).isEmpty();
        assertThat(new MailableEmail.Validator().isValid(address, null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "kim@example.com, kim@example.com",
            "Kim.Lee+events@Example.COM, Kim.Lee+events@example.com",
            "o'brien@example.co.kr, o'brien@example.co.kr",
            "kim@서울.kr, kim@xn--2i4bq6h.kr",
            "kim@例え.テスト, kim@xn--r8jz45g.xn--zckzah",
            "kim@bücher.de, kim@xn--bcher-kva.de"
    })
    void deliverableAddressesAreKeptWithTheDomainInAsciiLowerCase(String address, String normalized) {
        assertThat(EmailAddress.normalize(address)).contains(normalized);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 250})
    void overlongPartsAreRefused(int length) {
        String local = "a".repeat(length);
        assertThat(EmailAddress.isValid(local + "@example.com")).isFalse();
        assertThat(EmailAddress.isValid("a@" + "b".repeat(length) + ".com")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "Kim.Lee+events@Example.COM, kim.lee@example.com",
            "kim@example.com, kim@example.com",
            "Jane.Doe+news@Gmail.com, janedoe@gmail.com",
            "j.a.n.e.doe@googlemail.com, janedoe@gmail.com",
            "+tag@example.com, +tag@example.com"
    })
    void spellingsOfOneMailboxCountAsOne(String address, String mailbox) {
        assertThat(EmailAddress.mailbox(address)).isEqualTo(mailbox);
    }
}
