package eventdesk.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright, one per test JVM ({@link #shared}; it takes seconds to start). Never
 * downloads a browser. {@link #step} is what every flow step does: assert the page is accessible (axe-core,
 * WCAG 2.2 AA) once per distinct page state, and keep a full-page screenshot when one is asked for
 * ({@code -Dscreenshots.steps=true}) or when the step fails.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** {@code -Dscreenshots.steps=true}: every step's screenshot, for a look by hand; otherwise only a failed step's. */
    static final boolean EVERY_STEP = Boolean.getBoolean("screenshots.steps");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** axe-core runs inside the page, so it cannot audit these; the same pages are audited with JavaScript on. */
    private static final Set<BrowserContext> WITHOUT_JAVASCRIPT = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** The page states audited so far in this JVM ({@link #state}). */
    private static final Set<String> AUDITED = ConcurrentHashMap.newKeySet();
    /**
     * What axe-core's verdict on a page depends on, without the data that differs between tests: the route (any
     * path segment with a digit, such as a slug, token or id, is one placeholder), the query's parameter names, the
     * language, the viewport width, and every distinct kind of element shown (tag, classes, role, type, ARIA
     * attributes set, hidden or not, with or without text). A list with three events and one with thirty are the
     * same state; a form showing its errors is another.
     */
    private static final String STATE = """
            () => {
              const route = location.pathname.split('/').map(s => /[0-9]/.test(s) ? '{}' : s).join('/');
              const query = [...new URLSearchParams(location.search).keys()].sort().join('&');
              const kinds = new Set();
              for (const e of document.querySelectorAll('*')) {
                const aria = [...e.attributes].map(a => a.name).filter(n => n.startsWith('aria-')).sort().join(',');
                kinds.add([e.tagName, e.className, e.getAttribute('role') || '', e.getAttribute('type') || '', aria,
                  e.checkVisibility ? e.checkVisibility() : true, (e.textContent || '').trim() === ''].join('|'));
              }
              return [route, query, document.documentElement.lang, window.innerWidth, ...[...kinds].sort()].join('\\n');
            }""";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    private static Chromium shared;

    /** The JVM's one browser, started on first use and closed when the JVM ends. */
    static synchronized Chromium shared() {
        if (shared == null) {
            shared = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "chromium-close"));
        }
        return shared;
    }

    static Chromium launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(RequiresChromium.CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh visitor (no cookies) in this language, at its viewport. */
    BrowserContext visitor(Ui ui, boolean javaScript) {
        return visitor(ui, ui.width, ui.height, javaScript);
    }

    BrowserContext visitor(Ui ui, int width, int height, boolean javaScript) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(ui.locale)
                .setExtraHTTPHeaders(Map.of("Accept-Language", ui.locale + "," + ui.code + ";q=0.9"))
                .setViewportSize(width, height)
                .setJavaScriptEnabled(javaScript)
                .setAcceptDownloads(true));
        context.setDefaultTimeout(10_000);
        if (!javaScript) WITHOUT_JAVASCRIPT.add(context);
        return context;
    }

    /**
     * One step of a flow: the page is in the expected language and passes axe-core without serious or critical
     * violations (when JavaScript is on; a page state already audited is not audited again). Its screenshot,
     * target/screenshots/{flow}-{step}-{lang}-{width}.png, is kept when asked for or when the step fails.
     */
    static void step(Page page, String flow, String step, Ui ui) {
        String name = flow + "-" + step + "-" + ui.code + "-" + page.viewportSize().width + ".png";
        if (EVERY_STEP) fullPage(page, SCREENSHOTS.resolve(name));
        try {
            assertThat(page.locator("html").getAttribute("lang")).as("<html lang> on " + page.url()).isEqualTo(ui.code);
            if (!WITHOUT_JAVASCRIPT.contains(page.context())) {
                if (AUDITED.add(state(page))) audit(page);
                else System.out.println("axe-core on " + page.url() + ": a page state audited before");
            }
        } catch (AssertionError failed) {
            if (!EVERY_STEP) fullPage(page, SCREENSHOTS.resolve(name));
            throw failed;
        }
    }

    /** The page's state as far as the audit is concerned (see {@link #STATE}). */
    static String state(Page page) {
        return (String) page.evaluate(STATE);
    }

    /** A screenshot of a step outside {@link #step}, kept only when every step's is asked for. */
    static void keep(Page page, String name) {
        if (EVERY_STEP) fullPage(page, SCREENSHOTS.resolve(name));
    }

    /**
     * A full-page screenshot that leaves the page as a person would find it. Chromium takes one by
     * resizing the viewport to the whole page, and after a viewport resize its next mouse press first
     * scrolls the focused text field back into view (the rule for on-screen keyboards): a click right
     * after would press on its target, be released on whatever scrolled under the pointer, and click
     * nothing (a Save button that "sent no request"). Taking the focus off first keeps clicks honest.
     */
    static void fullPage(Page page, Path path) {
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(path));
    }

    /**
     * Fails on any serious or critical axe-core violation, naming rule, elements and help. axe-core runs in the
     * page itself ("legacy mode"): the default mode also runs it in every frame and then again in a new blank
     * page to merge the frames' results, which took several times as long and found the same (the app's pages
     * audited here have no frames).
     */
    static void audit(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).setLegacyMode(true).analyze();
        assertThat(results.isErrored()).as("axe-core ran on " + page.url() + ": " + results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe-core checked rules on " + page.url()).isNotEmpty();
        System.out.println("axe-core on " + page.url() + ": " + results.getPasses().size() + " rules passed, "
                + results.getViolations().size() + " violated, " + results.getIncomplete().size() + " need review");
        results.getViolations().forEach(r -> System.out.println("axe " + r.getImpact() + " " + r.getId() + " on " + page.url()));
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .toList();
        assertThat(bad).as(() -> "accessibility violations on " + page.url() + ":\n" + bad.stream()
                .map(r -> "- [" + r.getImpact() + "] " + r.getId() + ": " + r.getHelp() + "\n    on "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
