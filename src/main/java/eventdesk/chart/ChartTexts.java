package eventdesk.chart;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the chart page, English by default; Korean in messages/chart_ko.properties.
 * Funnel step labels ({@code chart:step(FunnelStep)}) are in messages/chart.properties.
 */
@MessageBundle(value = "chart", locale = "en")
public interface ChartTexts {

    @Message
    String step(FunnelStep value);

    @Message("Charts: {title}")
    String charts_title(String title);

    @Message("Charts")
    String charts_link();

    @Message("Sign-ups over time")
    String signups_title();

    @Message("Cumulative sign-ups by the time they were made: those who got a seat (at once, by approval, by the draw or with a code), and those who joined the waitlist. Applications that got no seat (still waiting, declined, withdrawn, not drawn) are in neither line. Later cancellations and promotions do not move these lines. The time axis is logarithmic, so the first minutes after registration opened are visible.")
    String signups_explain();

    @Message("Sign-ups over time for {title}")
    String signups_svg_title(String title);

    @Message("Within {minutes} minutes of opening {seatsFirst} people took a seat and {waitlistFirst} joined the waitlist. In total {seats} got a seat and {waitlist} joined the waitlist, the last sign-up at {last}. Capacity: {capacity}.")
    String signups_svg_desc(long minutes, long seatsFirst, long waitlistFirst, long seats, long waitlist, String last, long capacity);

    @Message("No sign-ups yet.")
    String signups_empty();

    @Message("Took a seat")
    String series_seats();

    @Message("Joined the waitlist")
    String series_waitlist();

    @Message("Capacity")
    String series_capacity();

    @Message("Time since registration opened (logarithmic)")
    String axis_time();

    @Message("{n} min")
    String tick_minutes(long n);

    @Message("{n} h")
    String tick_hours(long n);

    @Message("{n} d")
    String tick_days(long n);

    @Message("Show the data as a table")
    String show_table();

    @Message("Time (KST)")
    String col_time();

    @Message("Funnel")
    String funnel_title();

    @Message("Signed up: every registration. Confirmed: holding a confirmed seat now. Checked in: scanned at the door.")
    String funnel_explain();

    @Message("Funnel for {title}")
    String funnel_svg_title(String title);

    @Message("{label}: {count} ({percent}% of sign-ups)")
    String funnel_svg_step(String label, long count, long percent);

    @Message("Step")
    String col_step();

    @Message("People")
    String col_count();

    @Message("Share of sign-ups")
    String col_percent();

    @Message("Show rate: {percent}% of confirmed people checked in ({checkedIn} of {confirmed}).")
    String show_rate(Integer percent, long checkedIn, long confirmed);

    @Message("The show rate (checked in ÷ confirmed) appears here once the event has started.")
    String show_rate_later();
}
