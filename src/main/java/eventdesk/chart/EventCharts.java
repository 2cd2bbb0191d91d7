package eventdesk.chart;

import eventdesk.event.Event;
import eventdesk.registration.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The numbers behind an event's charts, each read with aggregate queries over its registrations
 * (never by loading the rows). Call inside a transaction.
 *
 * <p><b>Sign-ups over time</b>: at each sample time t, how many sign-ups made by t the seat path
 * gave a seat without a waitlist place ({@code seatedAt} set, {@code waitlistSeq} null: at sign-up,
 * by approval, by the draw or with a code) and how many joined the waitlist. Applications that never
 * got a seat (waiting, declined, withdrawn, not drawn) are in neither curve. These are sign-ups by
 * the moment they were made: later cancellations, expiries and promotions from the waitlist do not
 * move the curves (the counts on the page give the state now). Samples are every minute for the
 * first hour after registration opened (or the first sign-up, if earlier), every hour to the first
 * day, then every day (every few days for long windows), and the last sign-up; the chart draws them
 * on a logarithmic time axis, so the opening minute takes a visible share of the width.
 *
 * <p><b>Funnel</b>: {@link FunnelStep}, one aggregate query for all steps.
 */
@ApplicationScoped
public class EventCharts {

    /** Day samples at most; longer windows sample every few days. */
    static final int MAX_DAY_SAMPLES = 60;

    public record Point(Instant at, long seats, long waitlist) {
        public long total() {
            return seats + waitlist;
        }
    }

    /** Cumulative sign-ups from {@code from} (registration opened) to {@code to} (the last sign-up). */
    public record SignUps(Instant from, Instant to, List<Point> points) {
        public boolean isEmpty() {
            return points.isEmpty();
        }

        public Point last() {
            return points.isEmpty() ? new Point(from, 0, 0) : points.get(points.size() - 1);
        }
    }

    public record Step(FunnelStep step, long count) {
    }

    /**
     * The funnel in order, and the show rate (checked in ÷ confirmed, in percent) once the event has
     * started, else null.
     */
    public record Funnel(List<Step> steps, Integer showRatePercent) {
        public long count(FunnelStep step) {
            return steps.stream().filter(s -> s.step() == step).mapToLong(Step::count).findFirst().orElse(0);
        }
    }

    public SignUps signUps(Event event) {
        EntityManager em = Registration.getEntityManager();
        Object[] range = em.createQuery("select min(r.createdAt), max(r.createdAt) from Registration r where r.event = :event",
                Object[].class).setParameter("event", event).getSingleResult();
        if (range[0] == null) {
            Instant from = event.registrationOpensAt == null ? event.createdAt : event.registrationOpensAt;
            return new SignUps(from, from, List.of());
        }
        Instant first = (Instant) range[0], last = (Instant) range[1];
        Instant from = event.registrationOpensAt != null && event.registrationOpensAt.isBefore(first) ? event.registrationOpensAt : first;
        List<Instant> times = sampleTimes(from, last);

        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < times.size(); i++) {
            if (i > 0) select.append(", ");
            select.append("sum(case when r.createdAt <= :t").append(i).append(" and r.waitlistSeq is null and r.seatedAt is not null then 1 else 0 end), ")
                    .append("sum(case when r.createdAt <= :t").append(i).append(" and r.waitlistSeq is not null then 1 else 0 end)");
        }
        TypedQuery<Object[]> query = em.createQuery(select + " from Registration r where r.event = :event", Object[].class)
                .setParameter("event", event);
        for (int i = 0; i < times.size(); i++) query.setParameter("t" + i, times.get(i));
        Object[] sums = query.getSingleResult();
        List<Point> points = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            points.add(new Point(times.get(i), number(sums[2 * i]), number(sums[2 * i + 1])));
        }
        return new SignUps(from, last, points);
    }

    /**
     * Sample times from {@code from} to {@code to}, both included: each minute of the first hour,
     * each hour of the first day, then days.
     */
    static List<Instant> sampleTimes(Instant from, Instant to) {
        TreeSet<Instant> times = new TreeSet<>();
        times.add(from);
        for (int m = 1; m <= 60; m++) add(times, from.plus(Duration.ofMinutes(m)), to);
        for (int h = 2; h <= 24; h++) add(times, from.plus(Duration.ofHours(h)), to);
        long days = Duration.between(from, to).toDays();
        long step = Math.max(1, (days + MAX_DAY_SAMPLES - 1) / MAX_DAY_SAMPLES);
        for (long d = 2; d <= days; d += step) add(times, from.plus(Duration.ofDays(d)), to);
        times.add(to);
        return new ArrayList<>(times);
    }

    private static void add(TreeSet<Instant> times, Instant t, Instant to) {
        if (!t.isAfter(to)) times.add(t);
    }

    public Funnel funnel(Event event, Instant now) {
        StringBuilder select = new StringBuilder("select ");
        FunnelStep[] steps = FunnelStep.values();
        for (int i = 0; i < steps.length; i++) select.append(i == 0 ? "" : ", ").append(steps[i].aggregate);
        Object[] counts = Registration.getEntityManager()
                .createQuery(select + " from Registration r where r.event = :event", Object[].class)
                .setParameter("event", event).getSingleResult();
        List<Step> result = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) result.add(new Step(steps[i], number(counts[i])));
        Funnel funnel = new Funnel(result, null);
        Integer showRate = null;
        long confirmed = funnel.count(FunnelStep.CONFIRMED);
        if (!now.isBefore(event.startsAt) && confirmed > 0) {
            showRate = (int) Math.round(100.0 * funnel.count(FunnelStep.CHECKED_IN) / confirmed);
        }
        return new Funnel(result, showRate);
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
