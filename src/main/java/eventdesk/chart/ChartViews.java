package eventdesk.chart;

import eventdesk.web.Kst;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the charts' SVG (coordinates in a fixed viewBox; the page scales it), computed from
 * {@link EventCharts}' numbers. Text goes into the templates as values, so Qute escapes it.
 */
final class ChartViews {

    static final int W = 640, H = 300, LEFT = 52, RIGHT = 20, TOP = 16, BOTTOM = 64;
    static final int PLOT_W = W - LEFT - RIGHT, PLOT_H = H - TOP - BOTTOM;
    /** Ticks of the time axis that fall inside the window. */
    private static final Duration[] TICKS = {Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)};

    private ChartViews() {
    }

    public record Tick(double pos, String label) {
    }

    public record Row(String time, long seats, long waitlist) {
    }

    public record SignUpChart(boolean empty, String title, String desc, String seatsPoints, String waitlistPoints,
                              double capacityY, List<Tick> xTicks, List<Tick> yTicks, List<Row> rows) {
    }

    public record Bar(FunnelStep step, String label, long count, long percent, double y, double width, String text) {
    }

    public record FunnelChart(String title, String desc, List<Bar> bars, int height, Integer showRate, long confirmed,
                              long checkedIn) {
    }

    static SignUpChart signUps(EventCharts.SignUps data, int capacity, String eventTitle, ChartTexts t, Locale locale) {
        if (data.isEmpty()) {
            return new SignUpChart(true, t.signups_svg_title(eventTitle), t.signups_empty(), "", "", 0, List.of(), List.of(), List.of());
        }
        double span = minutes(data.from(), data.to());
        long max = Math.max(capacity, data.points().stream().mapToLong(p -> Math.max(p.seats(), p.waitlist())).max().orElse(0));
        long yStep = niceStep(max);
        long yMax = yStep * (long) Math.ceil(Math.max(1, max) / (double) yStep);
        StringBuilder seats = new StringBuilder(), waitlist = new StringBuilder();
        List<Row> rows = new ArrayList<>();
        EventCharts.Point previous = null;
        for (EventCharts.Point p : data.points()) {
            double x = x(minutes(data.from(), p.at()), span);
            seats.append(fmt(x)).append(',').append(fmt(y(p.seats(), yMax))).append(' ');
            waitlist.append(fmt(x)).append(',').append(fmt(y(p.waitlist(), yMax))).append(' ');
            // The table lists the samples where something changed (and the first and the last).
            if (previous == null || p.seats() != previous.seats() || p.waitlist() != previous.waitlist()
                    || p == data.last()) {
                rows.add(new Row(Kst.dateTime(p.at(), locale), p.seats(), p.waitlist()));
            }
            previous = p;
        }
        List<Tick> xTicks = new ArrayList<>();
        xTicks.add(new Tick(LEFT, "0"));
        for (Duration d : TICKS) {
            if (d.toMinutes() <= span) xTicks.add(new Tick(x(d.toMinutes(), span), label(d, t)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (long v = 0; v <= yMax; v += yStep) yTicks.add(new Tick(y(v, yMax), Long.toString(v)));
        EventCharts.Point opening = data.points().stream().filter(p -> minutes(data.from(), p.at()) <= 10)
                .reduce((a, b) -> b).orElse(data.points().get(0));
        EventCharts.Point last = data.last();
        String desc = t.signups_svg_desc(10, opening.seats(), opening.waitlist(), last.seats(), last.waitlist(),
                Kst.dateTime(data.to(), locale), capacity);
        return new SignUpChart(false, t.signups_svg_title(eventTitle), desc, seats.toString().strip(),
                waitlist.toString().strip(), y(capacity, yMax), xTicks, yTicks, rows);
    }

    static FunnelChart funnel(EventCharts.Funnel data, String eventTitle, ChartTexts t) {
        long base = Math.max(1, data.count(FunnelStep.SIGNED_UP));
        List<Bar> bars = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        int y = 8;
        for (EventCharts.Step s : data.steps()) {
            long percent = Math.round(100.0 * s.count() / base);
            String label = t.step(s.step());
            String text = t.funnel_svg_step(label, s.count(), percent);
            bars.add(new Bar(s.step(), label, s.count(), percent, y, Math.max(2, PLOT_W * (double) s.count() / base), text));
            desc.append(text).append(". ");
            y += 56;
        }
        long confirmed = data.count(FunnelStep.CONFIRMED), checkedIn = data.count(FunnelStep.CHECKED_IN);
        if (data.showRatePercent() != null) desc.append(t.show_rate(data.showRatePercent(), checkedIn, confirmed));
        return new FunnelChart(t.funnel_svg_title(eventTitle), desc.toString().strip(), bars, y, data.showRatePercent(),
                confirmed, checkedIn);
    }

    private static String label(Duration d, ChartTexts t) {
        if (d.toDays() >= 1) return t.tick_days(d.toDays());
        if (d.toHours() >= 1) return t.tick_hours(d.toHours());
        return t.tick_minutes(d.toMinutes());
    }

    static double minutes(Instant from, Instant t) {
        return Math.max(0, Duration.between(from, t).toMillis() / 60000.0);
    }

    /** The logarithmic time axis: log(1 + minutes), so minute 1 of a month-long window is still ~6% of the width. */
    static double x(double minutes, double span) {
        if (span <= 0) return LEFT;
        return LEFT + PLOT_W * Math.log1p(minutes) / Math.log1p(span);
    }

    static double y(long value, long yMax) {
        return TOP + PLOT_H * (1 - value / (double) yMax);
    }

    static long niceStep(long max) {
        long raw = Math.max(1, (long) Math.ceil(max / 4.0));
        long magnitude = 1;
        while (magnitude * 10 <= raw) magnitude *= 10;
        for (long m : new long[]{1, 2, 5, 10}) if (m * magnitude >= raw) return m * magnitude;
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
