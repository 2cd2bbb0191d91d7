package eventdesk.web;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for an email address eventdesk accepts: what the mailer can deliver without
 * SMTPUTF8 or quoting. A dot-atom local part (ASCII, at most 64 characters, no quotes, no
 * comments), a domain name (international names become punycode, {@code 서울.kr} →
 * {@code xn--9n2bp8q.kr}) of at least two labels with a real top-level-domain shape (letters,
 * two or more, or {@code xn--}), no IP literal, at most 254 characters in all.
 * Form, API and mailer use {@link #normalize} and {@link MailableEmail}.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL = 64;

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private EmailAddress() {
    }

    /** The address as the mailer sends it (domain in lower-case ASCII), or empty when it cannot be mailed. */
    public static Optional<String> normalize(String address) {
        if (address == null) return Optional.empty();
        String a = address.strip();
        if (a.isEmpty() || a.length() > 4 * MAX_LENGTH) return Optional.empty();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at != a.indexOf('@') || at == a.length() - 1) return Optional.empty();
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches()) return Optional.empty();
        if (domain.startsWith("[")) return Optional.empty();
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.length() > 253 || ascii.endsWith(".")) return Optional.empty();
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) return Optional.empty();
        for (String label : labels) if (!LABEL.matcher(label).matches()) return Optional.empty();
        if (!TLD.matcher(labels[labels.length - 1]).matches()) return Optional.empty();
        String normalized = local + "@" + ascii;
        return normalized.length() > MAX_LENGTH ? Optional.empty() : Optional.of(normalized);
    }

    /**
     * The mailbox an address reaches, as far as anyone can tell from outside, for counting sign-ups per
     * person: lower case, without a {@code +tag}, and for Gmail without dots ({@code googlemail.com} is
     * {@code gmail.com}).
     */
    public static String mailbox(String address) {
        String a = normalize(address).orElse(address == null ? "" : address.strip()).toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0) return a;
        String local = a.substring(0, at), domain = a.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    public static boolean isValid(String address) {
        return normalize(address).isPresent();
    }
}
