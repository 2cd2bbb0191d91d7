package eventdesk.browser;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.net.URL;

/** Test events with a title of their own, so a browser can pick them out of the public list by name. */
final class BrowserEvents {

    private BrowserEvents() {
    }

    static Event create(int capacity, boolean waitlist) {
        Event created = TestEvents.create(capacity, waitlist);
        String tag = created.slug.substring("test-".length(), "test-".length() + 6);
        return QuarkusTransaction.requiringNew().call(() -> {
            Event e = Event.findById(created.id);
            e.title = "Seoul Builders Night " + tag;
            e.titleKo = "서울 빌더스 나이트 " + tag;
            e.description = "Lightning talks by founders and developers, then pizza.";
            e.descriptionKo = "창업자와 개발자의 라이트닝 토크, 그리고 피자.";
            e.venue = "Seoul Startup Hub";
            e.address = "69 Mapo-daero 122-gil, Mapo-gu, Seoul";
            return e;
        });
    }

    static String title(Event e, Ui ui) {
        return ui == Ui.KO ? e.titleKo : e.title;
    }

    /** An emailed link (which starts with eventdesk.base-url) turned into one on the app under test. */
    static String local(String mailedLink, URL app) {
        String base = "http://localhost:8080/";
        if (!mailedLink.startsWith(base)) throw new AssertionError("mailed link does not start with " + base + ": " + mailedLink);
        return app.toString().replaceAll("/$", "") + "/" + mailedLink.substring(base.length());
    }
}
