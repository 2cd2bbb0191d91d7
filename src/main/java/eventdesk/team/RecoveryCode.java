package eventdesk.team;

import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A single-use code that stands in for the authenticator app. A set is {@value #COUNT} codes of 80
 * random bits each (16 base32 letters, shown as four groups); only their SHA-256 is kept, and a code
 * is used by one conditional update, so it signs in once even when sent twice at the same moment.
 */
@Entity
public class RecoveryCode extends PanacheEntity {

    public static final int COUNT = 10;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Account account;
    public String codeHash;
    public Instant createdAt;
    public Instant usedAt;

    /** Replaces the account's codes with {@value #COUNT} new ones; returns them, to be shown once. */
    public static List<String> replace(Account account, Instant now) {
        delete("account", account);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String code = Totp.base32(Secrets.randomBytes(10));
            RecoveryCode c = new RecoveryCode();
            c.account = account;
            c.codeHash = Secrets.sha256Hex(code);
            c.createdAt = now;
            c.persist();
            codes.add(String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12)));
        }
        return codes;
    }

    /** Uses one of the account's unused codes, as typed (any case, dashes and spaces ignored); false if none matches. */
    public static boolean use(Account account, String typed, Instant now) {
        String code = typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (!code.matches("[A-Z2-7]{16}")) return false;
        return update("usedAt = ?1 where account = ?2 and codeHash = ?3 and usedAt is null", now, account,
                Secrets.sha256Hex(code)) == 1;
    }

    public static long unused(Account account) {
        return count("account = ?1 and usedAt is null", account);
    }
}
