package eventdesk.chart;

/**
 * The steps of an event's funnel, in order, each one aggregate over its registrations (alias
 * {@code r}); {@link EventCharts#funnel} reads them all in one query. "Confirmed" counts people who
 * hold a confirmed seat now (those who confirmed and cancelled later left the funnel); everyone
 * checked in was confirmed. The show rate is checked in ÷ confirmed.
 *
 * "Reconfirmed" counts confirmed people who answered "I'll be there" to the still-coming? mail.
 */
public enum FunnelStep {
    SIGNED_UP("count(r)"),
    CONFIRMED("sum(case when r.status = eventdesk.registration.RegistrationStatus.CONFIRMED then 1 else 0 end)"),
    RECONFIRMED("sum(case when r.status = eventdesk.registration.RegistrationStatus.CONFIRMED and r.reconfirmedAt is not null then 1 else 0 end)"),
    CHECKED_IN("count(r.checkedInAt)");

    final String aggregate;

    FunnelStep(String aggregate) {
        this.aggregate = aggregate;
    }
}
