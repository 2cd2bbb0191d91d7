package eventdesk.browser;

import eventdesk.registration.RegistrationLabels;
import eventdesk.web.Msg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The two ways people meet eventdesk: Korean on a phone, English on a laptop. */
enum Ui {
    KO("ko", "ko-KR", 390, 844),
    EN("en", "en-US", 1280, 900);

    final String code;
    final String locale;
    final int width;
    final int height;

    Ui(String code, String locale, int width, int height) {
        this.code = code;
        this.locale = locale;
        this.width = width;
        this.height = height;
    }

    /** The texts this language shows (English from Msg, Korean from msg_ko.properties). */
    Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(code));
    }

    /** Role and status labels in this language. */
    RegistrationLabels labels() {
        return MessageBundles.get(RegistrationLabels.class, Localized.Literal.of(code));
    }
}
