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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright, one per test JVM ({@link #shared}; it takes seconds to start). Never
 * downloads a browser. {@link #step} is what every flow step does: assert the page is
 * accessible (axe-core, WCAG 2.2 AA), then save a full-page screenshot.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** axe-core runs inside the page, so it cannot audit these; the same pages are audited with JavaScript on. */
    private static final Set<BrowserContext> WITHOUT_JAVASCRIPT = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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
     * One step of a flow: the page is in the expected language, passes axe-core without serious
     * or critical violations (when JavaScript is on), and is saved as
     * target/screenshots/{flow}-{step}-{lang}-{width}.png.
     */
    static void step(Page page, String flow, String step, Ui ui) {
        int width = page.viewportSize().width;
        fullPage(page, SCREENSHOTS.resolve(flow + "-" + step + "-" + ui.code + "-" + width + ".png"));
        assertThat(page.locator("html").getAttribute("lang")).as("<html lang> on " + page.url()).isEqualTo(ui.code);
        if (!WITHOUT_JAVASCRIPT.contains(page.context())) audit(page);
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

    /** Fails on any serious or critical axe-core violation, naming rule, elements and help. */
    static void audit(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
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
